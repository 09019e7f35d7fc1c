package dk.trialport.recruitment.model;

import java.util.UUID;

/** What the team's list shows beside each candidate: unread messages from the person, and the notes. */
public record Summary(UUID registrationId, long unread, long notes, Note latestNote) {}
