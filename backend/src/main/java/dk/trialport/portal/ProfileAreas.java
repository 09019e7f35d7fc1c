package dk.trialport.portal;

import dk.trialport.search.vocabulary.ConditionVocabulary;
import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The disease areas of the profile form: each area of the vocabulary (file order) with the concepts of the project's
 * own lists right below it (not the thousands of the national terminology).
 */
public final class ProfileAreas {

    private ProfileAreas() {}

    /** One choice: a concept id and its label. Public so that templates can read it. */
    public record Choice(String code, String label) {}

    /** An area and its narrower concepts. Public so that templates can read it. */
    public record Area(String code, String label, List<Choice> children) {}

    public static List<Area> of(ConditionVocabulary vocabulary, Locale locale) {
        return vocabulary.areas().stream()
                .map(area -> new Area(
                        area.id(),
                        area.label(locale),
                        vocabulary.ownConcepts().stream()
                                .filter(concept -> concept.parents().contains(area.id()))
                                .map(concept -> new Choice(concept.id(), concept.label(locale)))
                                .sorted(Comparator.comparing(Choice::label, Collator.getInstance(locale)))
                                .toList()))
                .toList();
    }

    static List<String> labels(List<String> codes, ConditionVocabulary vocabulary, Locale locale) {
        return codes.stream()
                .map(code -> vocabulary.concept(code).map(c -> c.label(locale)).orElse(code))
                .toList();
    }
}
