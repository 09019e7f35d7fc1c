package dk.trialport.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dk.trialport.search.vocabulary.CodedCondition;
import dk.trialport.search.vocabulary.ConditionVocabulary;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A trial whose registry record names no condition Trialport can read says so in the page's language. */
class ConditionNamesTest {

    private static final ConditionVocabulary VOCABULARY = ConditionVocabulary.load();

    @Test
    void aConditionThatIsNotClassifiedIsShownSoInDanishAndEnglish() {
        var conditions = List.of(CodedCondition.text(CodedCondition.NOT_CLASSIFIED));
        assertThat(ConditionNames.of(conditions, VOCABULARY, BundleTexts.in(Locale.of("da"))))
                .containsExactly(new TrialView.Text("Ikke klassificeret", null));
        assertThat(ConditionNames.ofNames(
                        List.of(CodedCondition.NOT_CLASSIFIED), VOCABULARY, BundleTexts.in(Locale.ENGLISH)))
                .containsExactly(new TrialView.Text("Not classified", null));
    }
}
