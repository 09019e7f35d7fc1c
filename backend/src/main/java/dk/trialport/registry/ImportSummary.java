package dk.trialport.registry;

import java.util.List;

/**
 * What an import did: trials new to Trialport, changed (a new version), unchanged (no new version),
 * refused (with the reason), and trials imported earlier that the registry no longer lists (marked).
 */
public record ImportSummary(
        String source, int created, int updated, int unchanged, List<Rejection> rejected, int missingUpstream) {

    /** A record that could not be imported, and why. */
    public record Rejection(String record, String reason) {}

    /** One line for the log and the command line. */
    public String line() {
        return String.format(
                "%s: %d new, %d updated, %d unchanged, %d rejected, %d no longer listed upstream",
                source, created, updated, unchanged, rejected.size(), missingUpstream);
    }
}
