package dk.trialport.recruitment.model;

import java.time.Instant;

/** A trial that matched the person's profile, as their inbox shows it. */
public record Notification(long id, String trialId, boolean inInbox, Instant createdAt) {}
