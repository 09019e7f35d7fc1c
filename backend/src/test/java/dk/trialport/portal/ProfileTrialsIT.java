package dk.trialport.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dk.trialport.catalogue.CatalogueStore;
import dk.trialport.catalogue.Outbox;
import dk.trialport.support.PersonBuilder;
import dk.trialport.support.TrialportIntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * The profile page against the real index: a person whose profile fits published trials sees them nearest first,
 * and not the trials of other areas, far away or no longer recruiting; a person whose profile fits none is told so.
 */
@TrialportIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProfileTrialsIT {

    @LocalServerPort
    int port;

    @Value("${trialport.identity.issuer}")
    String issuer;

    @Autowired
    ApplicationContext context;

    @Autowired
    Outbox outbox;

    @Autowired
    ElasticsearchClient elasticsearch;

    @Autowired
    CatalogueStore store;

    WebTestClient web;

    @BeforeAll
    void publishTrials() {
        PortalFixture.publish(port, issuer, PortalFixture.CATALOGUE);
        PortalFixture.awaitIndexed(outbox, elasticsearch);
        web = WebTestClient.bindToApplicationContext(context)
                .apply(springSecurity())
                .configureClient()
                .responseTimeout(Duration.ofSeconds(30))
                .build();
    }

    @Test
    void theTrialsThatFitTheProfileAreShownAndNoOthers() {
        var anne = person("anne-fits");
        saveProfile(anne, "8000", "50");

        var html = page(anne, "/profil");
        var t2d = PortalFixture.id(store, PortalFixture.T2D);
        assertThat(html)
                .contains("Forsøg, der passer til din profil nu", "3 forsøg passer.")
                .contains("href=\"/forsoeg/" + t2d + "?age=54&amp;sex=female&amp;postalCode=8000\"")
                .contains(PortalFixture.T2D.titleDa(), PortalFixture.T1D.titleDa())
                .contains("Kost &lt;script&gt;alert(1)&lt;/script&gt; ved type 2-diabetes")
                .doesNotContain("<script>alert")
                .contains("Aarhus Universitetshospital, Steno Diabetes Center", "km fra 8000")
                .doesNotContain(
                        PortalFixture.BREAST.titleDa(),
                        PortalFixture.COMPLETED.titleDa(),
                        PortalFixture.UNSTATED.titleDa())
                .contains(
                        "href=\"/soeg?condition=diabetes&amp;age=54&amp;sex=female&amp;postalCode=8000&amp;distanceKm=50");

        assertThat(page(anne, "/profil?lang=en"))
                .contains("Trials that fit your profile now", "3 trials fit.", PortalFixture.T2D.titleEn())
                .doesNotContain(PortalFixture.BREAST.titleEn());
    }

    @Test
    void aProfileThatFitsNoOpenTrialSaysSo() {
        var bo = person("bo-far-away");
        saveProfile(bo, "2100", "10");

        assertThat(page(bo, "/profil"))
                .contains("Ingen åbne forsøg passer til din profil lige nu.")
                .doesNotContain(PortalFixture.T2D.titleDa(), "class=\"result-list\"");
    }

    private WebTestClient person(String subject) {
        return web.mutateWith(PersonBuilder.citizen(subject).login());
    }

    /** Diabetes, 54 years, female, not a healthy volunteer. */
    private static void saveProfile(WebTestClient person, String postalCode, String travelKm) {
        var form = new LinkedMultiValueMap<String, String>();
        form.add("areas", "diabetes");
        form.add("age", "54");
        form.add("sex", "female");
        form.add("healthy", "no");
        form.add("postalCode", postalCode);
        form.add("travelKm", travelKm);
        form.add("notifyPortal", "yes");
        form.add("notifyEmail", "no");
        form.add("email", "");
        form.add("consent", "yes");
        person.mutateWith(csrf())
                .post()
                .uri("/profil")
                .body(BodyInserters.fromFormData(form))
                .exchange()
                .expectStatus()
                .is3xxRedirection();
    }

    private static String page(WebTestClient person, String uri) {
        return person.get()
                .uri(uri)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }
}
