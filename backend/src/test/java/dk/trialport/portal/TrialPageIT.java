package dk.trialport.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dk.trialport.catalogue.CatalogueStore;
import dk.trialport.support.TrialportIntegrationTest;
import java.time.Duration;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A trial's page from the real catalogue: summary, eligibility, sites, registry links, and "Could this be for me?". */
@TrialportIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrialPageIT {

    @LocalServerPort
    int port;

    @Value("${trialport.identity.issuer}")
    String issuer;

    @Autowired
    CatalogueStore store;

    WebTestClient client;

    @BeforeAll
    void publishTrials() {
        PortalFixture.publish(port, issuer, PortalFixture.CATALOGUE);
        client = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(30))
                .build();
    }

    @Test
    void theSummaryComesFirstThenWhoCanTakePart() {
        var page = trial(PortalFixture.T2D, "", 200);

        assertThat(page.selectFirst("h1").text()).isEqualTo("Ugentlig medicin til voksne med type 2-diabetes");
        assertThat(page.selectFirst("title").text())
                .isEqualTo("Ugentlig medicin til voksne med type 2-diabetes – Trialport");
        assertThat(page.selectFirst("h1 ~ p.lead").text())
                .startsWith("Forsøget handler om")
                .contains("4 gange");
        assertThat(page.select("h2").eachText())
                .startsWith(
                        "Hvem kan deltage?",
                        "Kan det være noget for mig?",
                        "Hvad indebærer det at deltage?",
                        "Hvor foregår forsøget?",
                        "Kontakt forsøgsholdet",
                        "Fakta om forsøget");
        assertThat(page.select("dl.facts").first().text())
                .contains("18–75 år", "alle køn", "Kun personer med sygdommen");
    }

    @Test
    void interestCanBeRegisteredOnlyWhileTheTrialRecruits() {
        assertThat(trial(PortalFixture.T2D, "", 200)
                        .selectFirst(".call-to-action a")
                        .attr("href"))
                .endsWith("/interesse");
        var completed = trial(PortalFixture.COMPLETED, "", 200);
        assertThat(completed.selectFirst(".trial__status").text()).isEqualTo("Afsluttet");
        assertThat(completed.select(".call-to-action")).isEmpty();
    }

    @Test
    void criteriaAreTextWithListsAndNoMarkupFromTheTrial() {
        var criteria = trial(PortalFixture.T2D, "", 200).selectFirst(".criteria");

        assertThat(criteria.select("h4").eachText()).containsExactly("Inclusion criteria:", "Exclusion criteria:");
        assertThat(criteria.select("ul li").eachText())
                .containsExactly("Type 2 diabetes for at least 1 year", "HbA1c above 53");
        assertThat(criteria.select("ol li").eachText()).containsExactly("Pregnancy", "<b>Severe</b> kidney disease");
        assertThat(criteria.select("b")).isEmpty();
    }

    @Test
    void sitesHaveAddressDepartmentAndContact() {
        var page = trial(PortalFixture.T2D, "", 200);
        var site = page.selectFirst(".site");

        assertThat(site.selectFirst("h3").text()).isEqualTo("Aarhus Universitetshospital, Steno Diabetes Center");
        assertThat(site.text()).contains("Afdeling: Steno Diabetes Center Aarhus");
        assertThat(site.selectFirst("address").text())
                .contains("Palle Juul-Jensens Boulevard 11", "8200 Aarhus N", "Region Midtjylland");
        assertThat(site.selectFirst("a[href^=mailto]").attr("href")).isEqualTo("mailto:auh@example.dk");
        var contact = page.selectFirst("#contact-heading").parent();
        assertThat(contact.text()).contains("Forsøgssygeplejerske Hanne Berg");
        assertThat(contact.selectFirst("a[href^=tel]").attr("href")).isEqualTo("tel:+4535450000");
    }

    @Test
    void identifiersLinkToTheirRegistries() {
        var page = trial(PortalFixture.T2D, "", 200);

        assertThat(page.select(".identifiers a").eachAttr("href"))
                .containsExactlyInAnyOrder(
                        "https://clinicaltrials.gov/study/NCT01234567",
                        "https://euclinicaltrials.eu/search-for-clinical-trials/?lang=en&EUCT=2024-512345-12-00",
                        "https://www.clinicaltrialsregister.eu/ctr-search/search?query=2019-001234-56");
        assertThat(page.select(".identifiers dt").eachText()).contains("ClinicalTrials.gov", "Protokolnummer");
        assertThat(page.selectFirst(".identifiers").text()).contains("PORTAL-t2d");
        assertThat(page.select("p.meta").eachText())
                .anySatisfy(text -> assertThat(text).startsWith("Senest opdateret "));
    }

    @Test
    void theTrialPageIsInEnglishOnRequest() {
        var page = trial(PortalFixture.T2D, "?lang=en", 200);

        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(page.selectFirst("h1").text()).isEqualTo("Weekly medicine for adults with type 2 diabetes");
        assertThat(page.selectFirst("h1 ~ p.lead").text()).startsWith("This trial is about");
        assertThat(page.select("h2").eachText()).contains("Could this be for me?", "Where does the trial take place?");
    }

    @Test
    void anUnknownTrialIsNotFound() {
        client.get()
                .uri("/forsoeg/findes-ikke")
                .accept(MediaType.TEXT_HTML)
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody(String.class)
                .value(html -> assertThat(html).contains("<h1>Siden findes ikke</h1>"));
    }

    @Test
    void couldThisBeForMeAnswersPerCriterion() {
        assertThat(answers(PortalFixture.T2D, "?age=80")).containsExactly("Alder: Nej");
        assertThat(answers(PortalFixture.T2D, "?age=40&sex=male&healthy=true"))
                .containsExactly("Alder: Ja", "Køn: Ja", "Rask eller syg: Nej");
        // No upper age bound: 80 is old enough and not too old.
        assertThat(answers(PortalFixture.T1D, "?age=80")).containsExactly("Alder: Ja");
        assertThat(answers(PortalFixture.BREAST, "?sex=male")).containsExactly("Køn: Nej");
        assertThat(answers(PortalFixture.BREAST, "?sex=female")).containsExactly("Køn: Ja");
        // The trial does not say whether healthy volunteers can take part.
        assertThat(answers(PortalFixture.SCRIPT, "?healthy=true")).containsExactly("Rask eller syg: Ved ikke");
        // The trial gives no eligibility at all: nothing is guessed.
        assertThat(answers(PortalFixture.UNSTATED, "?age=50&sex=male&healthy=true"))
                .containsExactly("Alder: Ved ikke", "Køn: Ved ikke", "Rask eller syg: Ved ikke");
    }

    @Test
    void aPostalCodeGivesTheDistanceToTheNearestSite() {
        var page = trial(PortalFixture.T2D, "?postalCode=8000", 200);

        assertThat(page.select(".check-answer strong").eachText()).containsExactly("Afstand: Ja");
        assertThat(page.selectFirst(".check-answer span").text())
                .matches(
                        "Det nærmeste sted er Aarhus Universitetshospital, Steno Diabetes Center, cirka \\d+ km fra 8000\\.");
        assertThat(page.selectFirst(".site .meta").text()).endsWith("km fra dit postnummer");
    }

    @Test
    void aBadAnswerIsShownNextToItsField() {
        var page = trial(PortalFixture.T2D, "?age=old&postalCode=0000", 400);

        assertThat(page.selectFirst("input#age")
                        .parent()
                        .selectFirst(".form-error-message")
                        .text())
                .isEqualTo("Fejl: Skriv din alder som et tal mellem 0 og 130.");
        assertThat(page.selectFirst("input#postalCode").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.select(".check-answer")).isEmpty();
    }

    private List<String> answers(PortalFixture.Spec spec, String query) {
        return trial(spec, query, 200).select(".check-answer strong").eachText();
    }

    private Document trial(PortalFixture.Spec spec, String query, int status) {
        var html = client.get()
                .uri("/forsoeg/" + PortalFixture.id(store, spec) + query)
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
}
