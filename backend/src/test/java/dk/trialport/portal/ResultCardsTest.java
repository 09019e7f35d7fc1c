package dk.trialport.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dk.trialport.search.vocabulary.ConditionVocabulary;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;

/** A result card's title that is not in the page's language carries its own language (WCAG 3.1.2). */
class ResultCardsTest {

    private static final ConditionVocabulary VOCABULARY = ConditionVocabulary.load();

    @Test
    void aDanishOnlyLayTitleOnTheEnglishPageIsMarkedDanish() {
        var item = SearchItems.item("t2d", "Ugentlig semaglutid ved type 2-diabetes", "da");

        assertThat(card(item, Locale.ENGLISH).titleLang()).isEqualTo("da");
        assertThat(card(item, Locale.of("da")).titleLang()).isNull();
    }

    @Test
    void aRegistryTitleIsMarkedByTheLanguageItReadsAs() {
        var item = SearchItems.item(
                "ctgov", "A randomised trial of the effect of weekly semaglutide in patients with obesity", null);

        assertThat(card(item, Locale.of("da")).titleLang()).isEqualTo("en");
        assertThat(card(item, Locale.ENGLISH).titleLang()).isNull();
    }

    private static ResultCard card(dk.trialport.search.SearchPage.Item item, Locale locale) {
        return ResultCards.card(item, SearchForm.of(new LinkedMultiValueMap<>()), BundleTexts.in(locale), VOCABULARY);
    }
}
