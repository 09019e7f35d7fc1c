package dk.trialport.search.vocabulary;

import java.util.List;
import java.util.Set;

/** What a trial's conditions mean for search: matched concepts with their ancestors, their areas, and every name. */
public record Expansion(Set<String> conceptIds, Set<String> areas, List<String> terms) {

  public Expansion {
    conceptIds = Set.copyOf(conceptIds);
    areas = Set.copyOf(areas);
    terms = List.copyOf(terms);
  }

  public boolean isEmpty() {
    return conceptIds.isEmpty();
  }
}
