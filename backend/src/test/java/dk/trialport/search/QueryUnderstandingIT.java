package dk.trialport.search;

import static dk.trialport.search.SearchTestSupport.keys;
import static dk.trialport.search.SearchTestSupport.search;
import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * Filters written in the search box ("kræft nær Aarhus", "forsøg for raske frivillige", "børn", "kvinder", "over
 * 80", "Region Hovedstaden") filter the results, the JSON API says how it read them, and the results page shows
 * each as a link that searches again without it.
 */
class QueryUnderstandingIT extends SearchedCatalogue {

    private SearchPage found(String q, String lang) {
        return search(api, uri -> uri.queryParam("q", q).queryParam("lang", lang));
    }

    @Test
    void kraeftNaerAarhusFindsTheCancerTrialNearAarhusAndSaysSo() {
        var page = found("kræft nær Aarhus", "da");

        assertThat(keys(page)).containsExactly("kidney");
        assertThat(page.understood().text()).isEqualTo("kræft");
        var near = page.understood().filters().getFirst();
        assertThat(near.kind()).isEqualTo(Understood.Kind.NEAR);
        assertThat(near.label()).isEqualTo("nær Aarhus (50 km)");
        assertThat(near.words()).isEqualTo("nær Aarhus");
        assertThat(near.postalCode()).isEqualTo("8000");
        assertThat(near.distanceKm()).isEqualTo(50);
        assertThat(near.textWithout()).isEqualTo("kræft");
        assertThat(keys(found(near.textWithout(), "da"))).contains("kidney", "breast", "nsclc", "colon", "prostate");
    }

    @Test
    void englishPlacesAndAWiderDistanceAreUnderstoodToo() {
        var page = found("cancer near Aarhus", "en");
        assertThat(keys(page)).containsExactly("kidney");
        assertThat(page.understood().filters().getFirst().label()).isEqualTo("near Aarhus (50 km)");

        var wider = found("kræft inden for 120 km fra Aarhus", "da");
        assertThat(wider.understood().filters().getFirst().label()).isEqualTo("nær Aarhus (120 km)");
        assertThat(keys(wider)).contains("kidney", "nsclc").doesNotContain("breast", "colon", "prostate");
    }

    @Test
    void aPostalCodeInTheTextIsAPlace() {
        var page = found("sukkersyge i 8000", "da");

        assertThat(keys(page)).containsExactly("t2d");
        assertThat(page.understood().filters().getFirst().postalCode()).isEqualTo("8000");
    }

    @Test
    void aRegionIsTheRegionFilter() {
        var page = found("kræft i Region Hovedstaden", "da");

        assertThat(keys(page)).containsExactlyInAnyOrder("breast", "nsclc", "colon", "prostate");
        var region = page.understood().filters().getFirst();
        assertThat(region.kind()).isEqualTo(Understood.Kind.REGION);
        assertThat(region.region()).isEqualTo("Region Hovedstaden");
        assertThat(keys(found("cancer Capital Region", "en")))
                .containsExactlyInAnyOrder("breast", "nsclc", "colon", "prostate");
    }

    @Test
    void forsoegForRaskeFrivilligeFindsTheHealthyVolunteerTrials() {
        var page = found("forsøg for raske frivillige", "da");

        assertThat(keys(page)).containsExactly("vaccine");
        assertThat(page.understood().text()).isNull();
        assertThat(page.understood().filters().getFirst().kind()).isEqualTo(Understood.Kind.HEALTHY_VOLUNTEERS);
        assertThat(page.understood().filters().getFirst().label()).isEqualTo("raske frivillige");
        assertThat(keys(found("healthy volunteers", "en"))).containsExactly("vaccine");
    }

    @Test
    void childrenAreUnder18() {
        var page = found("børn med astma", "da");

        assertThat(keys(page)).containsExactly("asthma-children");
        assertThat(page.understood().text()).isEqualTo("astma");
        var age = page.understood().filters().getFirst();
        assertThat(age.kind()).isEqualTo(Understood.Kind.AGE);
        assertThat(age.maxAge()).isEqualTo(18.0);
        assertThat(keys(found("children", "en"))).containsExactly("asthma-children");
    }

    @Test
    void womenAndMenAreTheSexFilter() {
        assertThat(keys(found("kræft kvinder", "da"))).contains("breast").doesNotContain("prostate");
        assertThat(keys(found("cancer men", "en"))).contains("prostate").doesNotContain("breast");
        assertThat(found("kræft kvinder", "da")
                        .understood()
                        .filters()
                        .getFirst()
                        .sex())
                .isEqualTo("female");
    }

    @Test
    void overAndUnderAnAgeKeepTheTrialsForThoseAges() {
        assertThat(keys(found("kræft over 80", "da")))
                .contains("breast", "nsclc")
                .doesNotContain("colon");
        assertThat(keys(found("gigt under 40", "da"))).contains("ra").doesNotContain("osteoporosis");
        assertThat(found("kræft over 80", "da")
                        .understood()
                        .filters()
                        .getFirst()
                        .label())
                .isEqualTo("over 80 år");
    }

    @Test
    void aFilterTheRequestSetsItselfWins() {
        var page = search(api, uri -> uri.queryParam("q", "kræft nær Aarhus").queryParam("postalCode", "2100"));

        assertThat(page.understood().filters()).isEmpty();
        assertThat(page.understood().text()).isEqualTo("kræft nær Aarhus");
    }

    @Test
    void aBodyPartThatIsAlsoATownIsNoPlace() {
        assertThat(found("kræft i hals", "da").understood().filters()).isEmpty();
    }

    @Test
    void theResultsPageShowsEachUnderstoodFilterAsALinkWithoutIt() {
        var page = page("/soeg?q=" + SearchTestSupport.encode("kræft nær Aarhus"));

        assertThat(page.selectFirst("#results-heading").text()).isEqualTo("1 forsøg fundet");
        var chip = page.selectFirst(".understood__chips a.chip");
        assertThat(chip.text()).isEqualTo("nær Aarhus (50 km) ×");
        assertThat(chip.attr("aria-label")).isEqualTo("Fjern filteret nær Aarhus (50 km)");
        var without = page(chip.attr("href"));
        assertThat(without.selectFirst("input#q").val()).isEqualTo("kræft");
        assertThat(without.select(".understood__chips a.chip")).isEmpty();
        assertThat(without.selectFirst("#results-heading").text()).isEqualTo("5 forsøg fundet");
    }

    @Test
    void theEnglishPageNamesTheFiltersInEnglish() {
        var page = page("/soeg?lang=en&q=" + SearchTestSupport.encode("trials for healthy volunteers near Copenhagen"));

        assertThat(page.select(".understood__chips a.chip").eachText())
                .containsExactly("healthy volunteers ×", "near Copenhagen (50 km) ×");
        assertThat(page.select(".understood__chips a.chip").eachAttr("aria-label"))
                .containsExactly("Remove the filter healthy volunteers", "Remove the filter near Copenhagen (50 km)");
        assertThat(page.selectFirst("#results-heading").text()).isEqualTo("1 trial found");
    }

    private Document page(String path) {
        return SearchTestSupport.page(api, port, path);
    }
}
