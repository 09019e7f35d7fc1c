package dk.trialport.registry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Counts what happened to each record of an import as it comes. */
final class ImportTally {

    /** What happened to one record; {@code number} is its registry number, null when it has none. */
    record Outcome(String record, String number, Kind kind, String reason) {
        enum Kind {
            CREATED,
            UPDATED,
            UNCHANGED,
            /** The record names no site in Denmark: not a Danish trial. */
            SKIPPED_NOT_DANISH,
            REJECTED
        }
    }

    private final String source;
    private final Set<String> seen = new HashSet<>();
    private final List<ImportSummary.Rejection> rejected = new ArrayList<>();
    private int created;
    private int updated;
    private int unchanged;
    private int skippedNotDanish;

    ImportTally(String source) {
        this.source = source;
    }

    void add(Outcome outcome) {
        if (outcome.number() != null) {
            seen.add(outcome.number());
        }
        switch (outcome.kind()) {
            case CREATED -> created++;
            case UPDATED -> updated++;
            case UNCHANGED -> unchanged++;
            case SKIPPED_NOT_DANISH -> skippedNotDanish++;
            case REJECTED -> rejected.add(new ImportSummary.Rejection(outcome.record(), outcome.reason()));
        }
    }

    /** The registry numbers of every record seen, imported or not. */
    Set<String> seen() {
        return seen;
    }

    ImportSummary summary(int missing) {
        var reasons = new TreeMap<String, Integer>();
        rejected.forEach(rejection -> reasons.merge(String.valueOf(rejection.reason()), 1, Integer::sum));
        var byCount = new LinkedHashMap<String, Integer>();
        reasons.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(reason -> byCount.put(reason.getKey(), reason.getValue()));
        return new ImportSummary(
                source,
                created,
                updated,
                unchanged,
                skippedNotDanish,
                List.copyOf(rejected),
                Collections.unmodifiableMap(byCount),
                missing);
    }
}
