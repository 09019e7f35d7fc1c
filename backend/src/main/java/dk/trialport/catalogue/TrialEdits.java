package dk.trialport.catalogue;

import java.util.List;
import reactor.core.publisher.Mono;

/**
 * How the workspace reads and saves a trial as a form shows it. The catalogue says what it offers; the FHIR
 * adapter carries it out, so a form's save goes the same way (one validated transaction) as a hospital's.
 */
public interface TrialEdits {

    /** The current trial; empty when there is none. */
    Mono<Loaded> read(String id);

    /**
     * Creates a trial ({@code id} null) or stores a new version of it; {@code expectedVersion}, when given, must be
     * the current one. Fails with {@link Rejected} when the catalogue refuses it.
     */
    Mono<TrialEdit.Saved> save(String id, Integer expectedVersion, TrialEdit edit);

    /** A stored trial as the form shows it, with the version it was read at. */
    record Loaded(TrialEdit edit, int version) {}

    /** A trial the catalogue refused: what it said, or that someone else changed it in the meantime. */
    final class Rejected extends RuntimeException {

        private final List<String> reasons;
        private final boolean conflict;

        public Rejected(List<String> reasons, boolean conflict) {
            super(String.join("; ", reasons));
            this.reasons = List.copyOf(reasons);
            this.conflict = conflict;
        }

        public List<String> reasons() {
            return reasons;
        }

        public boolean conflict() {
            return conflict;
        }
    }
}
