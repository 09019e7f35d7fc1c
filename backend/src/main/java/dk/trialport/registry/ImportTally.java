package dk.trialport.registry;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Counts what happened to each record of an import as it comes. */
final class ImportTally {

    /** What happened to one record; {@code number} is its registry number, null when it has none. */
    record Outcome(String record, String number, Kind kind, String reason) {
        enum Kind {
            CREATED,
            UPDATED,
            UNCHANGED,
            REJECTED
        }
    }

    private final String source;
    private final Set<String> seen = new HashSet<>();
    private final List<ImportSummary.Rejection> rejected = new ArrayList<>();
    private int created;
    private int updated;
    private int unchanged;

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
            case REJECTED -> rejected.add(new ImportSummary.Rejection(outcome.record(), outcome.reason()));
        }
    }

    /** The registry numbers of every record seen, imported or not. */
    Set<String> seen() {
        return seen;
    }

    ImportSummary summary(int missing) {
        return new ImportSummary(source, created, updated, unchanged, List.copyOf(rejected), missing);
    }
}
