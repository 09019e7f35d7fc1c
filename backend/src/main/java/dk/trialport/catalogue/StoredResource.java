package dk.trialport.catalogue;

import java.time.Instant;

/** One version of a resource as stored: its JSON body is empty when this version is a deletion. */
public record StoredResource(String type, String id, int version, Instant lastUpdated, boolean deleted, String body) {}
