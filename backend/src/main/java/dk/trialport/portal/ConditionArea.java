package dk.trialport.portal;

import dk.trialport.search.vocabulary.ConditionVocabulary;
import java.util.List;
import java.util.Locale;

/**
 * A disease area linked from the front page: {@code code} is the search's condition filter value, {@code label}
 * the vocabulary's name of the area, as the search's filters show it. Public so that templates can read it.
 */
public record ConditionArea(String code, String label) {

    /** The areas most people look for, in the order the front page shows them. */
    static final List<String> POPULAR = List.of(
            "cancer", "diabetes", "cardiovascular", "arthritis", "psychiatry", "lung", "neurology", "rare-diseases");

    static List<ConditionArea> popular(ConditionVocabulary vocabulary, Locale locale) {
        return POPULAR.stream()
                .filter(code -> vocabulary.concept(code).isPresent())
                .map(code -> new ConditionArea(code, vocabulary.label(code, locale)))
                .toList();
    }
}
