package dk.trialport.catalogue;

/**
 * What a write left: the current version, and whether the write created the resource. An unchanged
 * resource sent again leaves the current version as it was.
 */
public record Written(StoredResource stored, boolean created) {}
