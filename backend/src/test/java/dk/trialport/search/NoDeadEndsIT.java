package dk.trialport.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

import dk.trialport.support.PersonBuilder;
import java.time.Duration;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A search that finds nothing offers, in order and where they find something: a spelling correction, the broader
 * condition, a wider distance, trials that no longer recruit, and registering interest in the condition's area.
 */
class NoDeadEndsIT extends SearchedCatalogue {

    @Autowired
    ApplicationContext context;

    @Test
    void aMisspellingThatFindsNothingOffersTheCorrection() {
        var page = page("/soeg?q=tiabetes");

        assertThat(page.selectFirst("#results-heading").text()).isEqualTo("Ingen forsøg fundet");
        assertThat(kinds(page)).containsExactly("spelling");
        var correction = page.selectFirst("a.alternative--spelling");
        assertThat(correction.text()).matches("Mente du diabetes\\? \\((\\d+) forsøg\\)");
        assertThat(correction.attr("href")).isEqualTo("/soeg?q=diabetes");
        var count = correction.text().replaceAll("\\D", "");
        var corrected = page(correction.attr("href"));
        assertThat(corrected.selectFirst("#results-heading").text()).isEqualTo(count + " forsøg fundet");
        assertThat(corrected.select(".result-card__title a").eachText())
                .contains(
                        "Ugentlig semaglutid til voksne med type 2-diabetes",
                        "Automatisk insulinpumpe ved type 1-diabetes");
    }

    @Test
    void aConditionWithoutTrialsOffersTheBroaderConditionThenInterestInItsArea() {
        var page = page("/soeg?q=" + SearchTestSupport.encode("hjerneblødning"));

        assertThat(kinds(page)).containsExactly("broader", "interest");
        var broader = page.selectFirst("a.alternative--broader");
        assertThat(broader.text()).isEqualTo("Søg bredere: Apopleksi (1 forsøg)");
        assertThat(page(broader.attr("href")).selectFirst("#results-heading").text())
                .isEqualTo("1 forsøg fundet");
        var interest = page.selectFirst("a.alternative--interest");
        assertThat(interest.text()).isEqualTo("Få besked om nye forsøg om Apopleksi (din interesseprofil)");
        assertThat(interest.attr("href")).isEqualTo("/profil?omraade=stroke");
    }

    @Test
    void aPlaceTooFarOffersAWiderDistanceAndNeverTheHeartTrialNearby() {
        var page = page("/soeg?q=" + SearchTestSupport.encode("blodprop i hjernen nær Aarhus"));

        assertThat(kinds(page)).containsExactly("wider", "interest");
        var wider = page.selectFirst("a.alternative--wider");
        assertThat(wider.text()).isEqualTo("Søg inden for 100 km (1 forsøg)");
        assertThat(wider.attr("href")).contains("distanceKm=100");
        var widened = page(wider.attr("href"));
        assertThat(widened.selectFirst("#results-heading").text()).isEqualTo("1 forsøg fundet");
        assertThat(widened.selectFirst(".understood__chips a.chip").text()).isEqualTo("nær Aarhus (100 km) ×");
    }

    @Test
    void wordsOnlyAClosedTrialHasOfferTheClosedTrials() {
        var page = page("/soeg?q=metformin");

        assertThat(kinds(page)).containsExactly("closed");
        var closed = page.selectFirst("a.alternative--closed");
        assertThat(closed.text()).isEqualTo("Vis også forsøg, der ikke længere søger deltagere (1 forsøg)");
        assertThat(page(closed.attr("href")).selectFirst("#results-heading").text())
                .isEqualTo("1 forsøg fundet");
    }

    @Test
    void theEnglishPageOffersTheSameInEnglish() {
        var page = page("/soeg?lang=en&q=" + SearchTestSupport.encode("tiabetes"));

        assertThat(page.selectFirst("a.alternative--spelling").text())
                .matches("Did you mean diabetes\\? \\(\\d+ trials\\)");
    }

    @Test
    void aSearchThatFindsTrialsOffersNoAlternatives() {
        assertThat(page("/soeg?q=diabetes").select(".alternatives")).isEmpty();
    }

    @Test
    void theInterestLinkTicksTheConditionOnTheProfileForm() {
        var web = WebTestClient.bindToApplicationContext(context)
                .apply(springSecurity())
                .configureClient()
                .responseTimeout(Duration.ofSeconds(30))
                .build()
                .mutateWith(PersonBuilder.citizen("no-dead-ends").login());
        var html = web.get()
                .uri("/profil?omraade=stroke")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        var form = Jsoup.parse(html);

        assertThat(form.select("input[name=areas][value=stroke]"))
                .isNotEmpty()
                .allSatisfy(box -> assertThat(box.hasAttr("checked")).isTrue());
        assertThat(form.select("input[name=areas][checked]").eachAttr("value")).containsOnly("stroke");
    }

    private static java.util.List<String> kinds(Document page) {
        return page.select(".alternatives a").stream()
                .map(link -> link.className().replace("alternative alternative--", ""))
                .toList();
    }

    private Document page(String path) {
        return SearchTestSupport.page(api, port, path);
    }
}
