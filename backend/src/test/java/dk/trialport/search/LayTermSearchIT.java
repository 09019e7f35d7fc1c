package dk.trialport.search;

import static dk.trialport.search.SearchTestSupport.keys;
import static dk.trialport.search.SearchTestSupport.search;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The words Danes use for their conditions find the trials for them, and a name of several words is read as a
 * whole: "blodprop i hjernen" is a stroke and never finds a heart-attack trial through "blodprop".
 */
class LayTermSearchIT extends SearchedCatalogue {

    private List<String> found(String query) {
        return keys(search(api, uri -> uri.queryParam("q", query)));
    }

    @ParameterizedTest(name = "\"{0}\" finds exactly {1}")
    @CsvSource(
            delimiter = ';',
            value = {
                "hjerteanfald; mi",
                "Hjerteanfald; mi",
                "heart attack; mi",
                "blodprop i hjertet; mi",
                "blodprop i hjernen; stroke",
                "Blodprop i hjernen; stroke",
                "blodprop i hjernen aarhus;",
                "slagtilfælde; stroke",
                "sukkersyge; t2d|t1d",
                "KOL; copd",
                "gigt; ra|osteoporosis",
                "knogleskørhed; osteoporosis",
                "knogleskoerhed; osteoporosis",
                "grå stær; cataract",
                "graa staer; cataract",
                "nyrekræft; kidney"
            })
    void aLayNameFindsTheTrialsOfItsConditionAndNoOthers(String query, String expected) {
        var wanted = expected == null ? List.<String>of() : List.of(expected.split("\\|"));

        assertThat(found(query)).as("results for %s", query).containsExactlyInAnyOrderElementsOf(wanted);
    }

    @Test
    void aStrokeIsNoHeartAttackAndAHeartAttackNoStroke() {
        assertThat(found("blodprop i hjernen")).doesNotContain("mi");
        assertThat(found("hjerteanfald")).doesNotContain("stroke");
        assertThat(found("blodprop i hjertet")).doesNotContain("stroke");
    }

    @Test
    void aBroaderWordStillFindsBoth() {
        assertThat(found("blodprop")).contains("mi", "stroke");
    }

    @Test
    void withEveryStatusTheCompletedStrokeTrialIsFoundTooAndStillNoHeartTrial() {
        var found = keys(
                search(api, uri -> uri.queryParam("q", "blodprop i hjernen").queryParam("status", "all")));

        assertThat(found).containsExactlyInAnyOrder("stroke", "stroke-done");
    }
}
