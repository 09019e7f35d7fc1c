package dk.trialport.search.vocabulary;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What a trial's conditions mean for search: matched concepts with their ancestors, their areas, and every name. */
public record Expansion(Set<String> conceptIds, Set<String> areas, List<String> terms) {

    /** Copies, keeping the order given: matched concepts first, then their ancestors. */
    public Expansion {
        conceptIds = Collections.unmodifiableSequencedSet(new LinkedHashSet<>(conceptIds));
        areas = Collections.unmodifiableSequencedSet(new LinkedHashSet<>(areas));
        terms = List.copyOf(terms);
    }

    public boolean isEmpty() {
        return conceptIds.isEmpty();
    }
}
