package dk.trialport.search;

import static dk.trialport.search.SearchTestSupport.keys;
import static dk.trialport.search.SearchTestSupport.search;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Judged queries: the words patients type, in Danish and English, each with the trials a person must
 * find at the top of the results (open trials only, as the search does by default).
 */
class TrialSearchRelevanceIT extends SearchedCatalogue {

    @Override
    List<SearchFixture.Spec> trials() {
        return SearchFixture.CATALOGUE;
    }

    @ParameterizedTest(name = "\"{0}\" finds {1} first")
    @CsvSource(
            delimiter = ';',
            value = {
                "sukkersyge; t2d|t1d",
                "type 2 diabetes; t2d",
                "diabetes; t2d|t1d",
                "diabetis; t2d|t1d",
                "brystkræft; breast",
                "brystkraeft; breast",
                "breast cancer; breast",
                "lung cancer; nsclc",
                "lungekræft; nsclc",
                "gigt; ra",
                "leddegigt; ra",
                "rheumatoid arthritis; ra",
                "hjertestop; arrest",
                "cardiac arrest; arrest",
                "hjertesvigt; hf",
                "KOL; copd",
                "depression; depression",
                "influenzavaccine; vaccine",
                "prostatakræft; prostate"
            })
    void theExpectedTrialsRankFirst(String query, String expected) {
        var wanted = List.of(expected.split("\\|"));
        var found = keys(search(api, uri -> uri.queryParam("q", query)));
        assertThat(found).as("results for %s", query).hasSizeGreaterThanOrEqualTo(wanted.size());
        assertThat(found.subList(0, wanted.size()))
                .as("top results for %s", query)
                .containsExactlyInAnyOrderElementsOf(wanted);
    }

    @ParameterizedTest(name = "\"{0}\" finds every cancer trial")
    @CsvSource({"cancer", "kræft", "kraeft"})
    void aGeneralTermFindsTrialsOfItsNarrowerConditions(String query) {
        var found = keys(search(api, uri -> uri.queryParam("q", query)));
        assertThat(found).contains("breast", "nsclc", "colon", "prostate").doesNotContain("t2d", "ra", "copd");
    }

    @ParameterizedTest(name = "\"{0}\" finds nothing")
    @CsvSource({"xylofonkoncert", "zebra fracture"})
    void wordsNoTrialUsesFindNothing(String query) {
        assertThat(search(api, uri -> uri.queryParam("q", query)).total()).isZero();
    }

    @org.junit.jupiter.api.Test
    void aCompletedTrialIsFoundOnlyWhenAskedFor() {
        assertThat(keys(search(api, uri -> uri.queryParam("q", "type 2 diabetes"))))
                .doesNotContain("t2d-done");
        assertThat(keys(search(
                        api, uri -> uri.queryParam("q", "type 2 diabetes").queryParam("status", "all"))))
                .contains("t2d", "t2d-done");
    }

    @org.junit.jupiter.api.Test
    void age80ExcludesTrialsCappedBelowItAndKeepsThoseWithoutUpperBound() {
        var found = keys(search(api, uri -> uri.queryParam("q", "cancer").queryParam("age", "80")));
        assertThat(found).contains("breast", "nsclc", "prostate").doesNotContain("colon");
        assertThat(keys(search(api, uri -> uri.queryParam("q", "gigt").queryParam("age", "80"))))
                .contains("ra");
        assertThat(keys(search(api, uri -> uri.queryParam("q", "gigt").queryParam("age", "81"))))
                .doesNotContain("ra");
    }

    @org.junit.jupiter.api.Test
    void matchedWordsAreHighlighted() {
        var page = search(api, uri -> uri.queryParam("q", "brystkræft"));
        assertThat(page.items().get(0).highlights()).isNotNull();
        assertThat(page.items().get(0).highlights().values().stream().flatMap(List::stream))
                .anyMatch(fragment -> fragment.contains("<mark>"));
    }
}
