package dk.trialport.recruitment.model;

import java.time.Instant;
import java.util.UUID;

/** A note of the team on a candidate. */
public record Note(long id, UUID registrationId, String author, String body, Instant createdAt) {}
