package dk.trialport.registry;

import java.util.List;
import java.util.Map;

/**
 * What an import did: trials new to Trialport, changed (a new version), unchanged (no new version), skipped
 * because the record names no site in Denmark (not a Danish trial), refused (each with the reason, and how many
 * were refused for each reason), and trials imported earlier that the registry no longer lists (marked).
 */
public record ImportSummary(
        String source,
        int created,
        int updated,
        int unchanged,
        int skippedNotDanish,
        List<Rejection> rejected,
        Map<String, Integer> rejectionReasons,
        int missingUpstream) {

    /** A record that could not be imported, and why. */
    public record Rejection(String record, String reason) {}

    /** How many records the import read. */
    public int records() {
        return created + updated + unchanged + skippedNotDanish + rejected.size();
    }

    /** One line for the log and the command line. */
    public String line() {
        return String.format(
                "%s: %d new, %d updated, %d unchanged, %d skipped (not Danish), %d rejected, %d no longer listed"
                        + " upstream",
                source, created, updated, unchanged, skippedNotDanish, rejected.size(), missingUpstream);
    }
}
