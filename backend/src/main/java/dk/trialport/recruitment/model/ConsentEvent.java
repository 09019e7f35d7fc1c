package dk.trialport.recruitment.model;

import java.time.Instant;
import java.util.UUID;

/** A consent given or withdrawn, to an interest registration or to the interest profile. */
public record ConsentEvent(UUID registrationId, UUID profileId, String kind, String textVersion, Instant at) {}
