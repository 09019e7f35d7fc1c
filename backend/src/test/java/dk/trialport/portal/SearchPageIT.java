package dk.trialport.portal;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dk.trialport.catalogue.Outbox;
import dk.trialport.support.TrialportIntegrationTest;
import java.time.Duration;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The search results page against the real index: results, facets, paging, errors and safe highlights. */
@TrialportIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchPageIT {

    @LocalServerPort
    int port;

    @Value("${trialport.identity.issuer}")
    String issuer;

    @Autowired
    Outbox outbox;

    @Autowired
    ElasticsearchClient elasticsearch;

    WebTestClient client;

    @BeforeAll
    void publishTrials() {
        PortalFixture.publish(port, issuer, PortalFixture.CATALOGUE);
        PortalFixture.awaitIndexed(outbox, elasticsearch);
        client = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(30))
                .build();
    }

    @Test
    void danishResultsForSukkersygeAreTheDiabetesTrials() {
        var page = page("/soeg?q=sukkersyge", 200);

        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("da");
        assertThat(page.selectFirst("#results-heading").text()).isEqualTo("3 forsøg fundet");
        assertThat(titles(page))
                .containsExactlyInAnyOrder(
                        "Ugentlig medicin til voksne med type 2-diabetes",
                        "Kost <script>alert(1)</script> ved type 2-diabetes",
                        "Automatisk insulinpumpe ved type 1-diabetes");
        assertThat(page.select(".result-card__title a"))
                .allSatisfy(link -> assertThat(link.attr("href")).startsWith("/forsoeg/"));
        var t2d = card(page, "Ugentlig medicin");
        // The condition in the page's language, from the vocabulary, not the registry's English words.
        assertThat(t2d.select(".facts").text()).contains("18–75 år", "alle køn", "Type 2-diabetes");
        assertThat(card(page, "Automatisk insulinpumpe").select(".facts").text())
                .contains("Type 1-diabetes")
                .doesNotContain("Diabetes Mellitus");
        assertThat(t2d.selectFirst(".tag").text()).isEqualTo("Søger deltagere");
        assertThat(page.selectFirst("input#q").val()).isEqualTo("sukkersyge");
        // Switching language keeps the search.
        assertThat(page.selectFirst("a[hreflang=en]").attr("href")).isEqualTo("?q=sukkersyge&lang=en");
    }

    @Test
    void englishResultsUseTheEnglishTitlesAndTexts() {
        var page = page("/soeg?q=sukkersyge&lang=en", 200);

        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(page.selectFirst("#results-heading").text()).isEqualTo("3 trials found");
        assertThat(titles(page)).contains("Weekly medicine for adults with type 2 diabetes");
        assertThat(card(page, "Weekly medicine").select(".facts").text())
                .contains("18–75 years", "all sexes", "Type 2 diabetes");
        assertThat(page.selectFirst("label[for=q]").text()).isEqualTo("Search words");
    }

    @Test
    void filtersShowFacetCountsAndKeepWhatWasChosen() {
        var page = page("/soeg?condition=diabetes", 200);

        assertThat(page.selectFirst("#results-heading").text()).isEqualTo("3 forsøg fundet");
        assertThat(page.selectFirst("input#condition-diabetes").hasAttr("checked"))
                .isTrue();
        assertThat(label(page, "condition-diabetes")).isEqualTo("Diabetes og hormonsygdomme (3)");
        // A facet's counts ignore its own filter: choosing cancer instead would give one trial.
        assertThat(label(page, "condition-cancer")).isEqualTo("Kræft (1)");
        assertThat(label(page, "region-region-midtjylland")).isEqualTo("Region Midtjylland (3)");
        assertThat(page.selectFirst("input#status-recruiting").hasAttr("checked"))
                .isTrue();
        assertThat(page.select("fieldset legend").eachText())
                .contains("Sygdomsområde", "Status", "Dit køn", "Fase", "Region");
    }

    @Test
    void theNextPageLinkKeepsEveryParameter() {
        var first = page("/soeg?q=sukkersyge&size=1&age=40&postalCode=8000", 200);
        var next = first.selectFirst("nav.pagination a[rel=next]");
        assertThat(next).isNotNull();
        assertThat(next.text()).isEqualTo("Næste side");
        assertThat(next.attr("href"))
                .startsWith("/soeg?")
                .contains("q=sukkersyge", "size=1", "age=40", "postalCode=8000", "cursor=");
        assertThat(first.select("input[type=hidden][name=size]").val()).isEqualTo("1");

        var second = page(next.attr("href"), 200);
        assertThat(titles(second)).hasSize(1).doesNotContainAnyElementsOf(titles(first));
        var back = second.selectFirst("nav.pagination a:contains(Første side)");
        assertThat(back.attr("href")).contains("q=sukkersyge", "size=1").doesNotContain("cursor");
        assertThat(card(second, "").selectFirst(".facts").text()).contains("km fra 8000");
    }

    @Test
    void aBadAgeIsShownNextToTheField() {
        var page = page("/soeg?q=sukkersyge&age=abc", 400);

        var group = page.selectFirst("input#age").parent();
        assertThat(group.selectFirst(".form-error-message").text())
                .isEqualTo("Fejl: Skriv din alder som et helt tal mellem 0 og 130.");
        assertThat(page.selectFirst("input#age").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.selectFirst("input#age").attr("aria-describedby")).contains("age-error");
        assertThat(page.selectFirst("input#age").val()).isEqualTo("abc");
        assertThat(page.selectFirst(".error-summary a").attr("href")).isEqualTo("#age");
        assertThat(page.html()).doesNotContain("Exception");
    }

    @Test
    void highlightsMarkTheWordsAndEscapeEverythingElse() {
        var html = client.get()
                .uri("/soeg?q=diabetes")
                .accept(MediaType.TEXT_HTML)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        var page = Jsoup.parse(html);

        assertThat(html).doesNotContain("<script>alert").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(page.select("script"))
                .as("only the portal's own script, nothing from a trial")
                .allSatisfy(script -> {
                    assertThat(script.attr("src")).isEqualTo("/js/trialport.js");
                    assertThat(script.data()).isEmpty();
                });
        assertThat(page.select(".result-card mark")).isNotEmpty();
        assertThat(page.select(".result-card__title mark").eachText())
                .allSatisfy(word -> assertThat(word).containsIgnoringCase("diabetes"));
        for (var element : page.select(".result-card__title *, .result-card__summary *")) {
            assertThat(element.tagName()).isIn("a", "mark");
        }
    }

    @Test
    void aPersonsAgeAndSexGiveAFitLine() {
        var page = page("/soeg?q=sukkersyge&age=40&sex=female", 200);

        assertThat(card(page, "Ugentlig medicin")
                        .selectFirst(".result-card__fit")
                        .text())
                .isEqualTo("Din alder passer. Dit køn passer.");
        assertThat(card(page, "Ugentlig medicin").selectFirst("a").attr("href")).contains("age=40", "sex=female");
    }

    private Document page(String uri, int status) {
        var html = client.get()
                .uri(uri)
                .accept(MediaType.TEXT_HTML)
                .exchange()
                .expectStatus()
                .isEqualTo(status)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        Pages.assertLayout(html);
        return Jsoup.parse(html);
    }

    private static java.util.List<String> titles(Document page) {
        return page.select(".result-card__title").eachText();
    }

    private static Element card(Document page, String titleStart) {
        return page.select(".result-card").stream()
                .filter(card -> card.selectFirst(".result-card__title").text().startsWith(titleStart))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no card titled " + titleStart));
    }

    private static String label(Document page, String id) {
        return page.selectFirst("label[for=" + id + "]").text();
    }
}
