package dk.trialport.catalogue;

import java.time.Instant;

/** The id, version and time the store gives a version before its body is written. */
public record VersionStamp(String id, int version, Instant lastUpdated) {}
