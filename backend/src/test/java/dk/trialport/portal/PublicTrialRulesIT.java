package dk.trialport.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

import dk.trialport.support.FhirClients;
import dk.trialport.support.PersonBuilder;
import dk.trialport.support.TrialBuilder;
import dk.trialport.support.TrialportIntegrationTest;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * What the catalogue calls public and open for interest holds on the portal: a draft does not exist for a person
 * outside its team (page, interest form, receipt); a trial that no longer recruits keeps its page, does not offer
 * the form, and refuses a registration with a message, storing nothing.
 */
@TrialportIntegrationTest
class PublicTrialRulesIT {

    @Autowired
    ApplicationContext context;

    @Autowired
    DatabaseClient database;

    @LocalServerPort
    int port;

    @Value("${trialport.identity.issuer}")
    String issuer;

    WebTestClient anne;

    @BeforeEach
    void aPerson() {
        anne = WebTestClient.bindToApplicationContext(context)
                .apply(springSecurity())
                .configureClient()
                .responseTimeout(java.time.Duration.ofSeconds(60))
                .build()
                .mutateWith(PersonBuilder.citizen("anne-subject").login());
    }

    @Test
    void aDraftIsNotFoundByAPersonOutsideItsTeam() {
        var id = trial(ResearchStudy.ResearchStudyStatus.INREVIEW, "Draft of a secret trial");
        anne.get().uri("/forsoeg/{id}", id).exchange().expectStatus().isNotFound();
        anne.get()
                .uri("/forsoeg/{id}/interesse", id)
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody(String.class)
                .value(html -> assertThat(html).doesNotContain("Draft of a secret trial"));
        anne.mutateWith(csrf())
                .post()
                .uri("/forsoeg/{id}/interesse", id)
                .body(BodyInserters.fromFormData(form()))
                .exchange()
                .expectStatus()
                .isNotFound();
        anne.get()
                .uri("/forsoeg/{id}/interesse/kvittering", id)
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody(String.class)
                .value(html -> assertThat(html).doesNotContain("Draft of a secret trial"));
        assertThat(registrations(id)).isZero();
    }

    @Test
    void aClosedTrialShowsItsPageButTakesNoInterest() {
        var id = trial(ResearchStudy.ResearchStudyStatus.CLOSEDTOACCRUAL, "A trial that recruited last year");
        anne.get()
                .uri("/forsoeg/{id}", id)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(html -> assertThat(html)
                        .contains("A trial that recruited last year")
                        .doesNotContain("/forsoeg/" + id + "/interesse\""));
        anne.get()
                .uri("/forsoeg/{id}/interesse", id)
                .exchange()
                .expectStatus()
                .isEqualTo(409)
                .expectBody(String.class)
                .value(html -> assertThat(html)
                        .contains("Forsøget tager ikke imod tilmeldinger af interesse")
                        .doesNotContain("name=\"consent\""));
        anne.mutateWith(csrf())
                .post()
                .uri("/forsoeg/{id}/interesse", id)
                .body(BodyInserters.fromFormData(form()))
                .exchange()
                .expectStatus()
                .isEqualTo(409)
                .expectBody(String.class)
                .value(html -> assertThat(html).contains("rekrutterer ikke deltagere lige nu"));
        assertThat(registrations(id)).as("nothing stored").isZero();
    }

    @Test
    void theReceiptIsOnlyForThePersonWhoRegistered() {
        var id = trial(ResearchStudy.ResearchStudyStatus.ACTIVE, "An open trial");
        anne.get()
                .uri("/forsoeg/{id}/interesse/kvittering", id)
                .exchange()
                .expectStatus()
                .isNotFound();
        anne.mutateWith(csrf())
                .post()
                .uri("/forsoeg/{id}/interesse", id)
                .body(BodyInserters.fromFormData(form()))
                .exchange()
                .expectStatus()
                .is3xxRedirection();
        anne.get()
                .uri("/forsoeg/{id}/interesse/kvittering", id)
                .exchange()
                .expectStatus()
                .isOk();
        var bob = WebTestClient.bindToApplicationContext(context)
                .apply(springSecurity())
                .configureClient()
                .responseTimeout(java.time.Duration.ofSeconds(60))
                .build()
                .mutateWith(PersonBuilder.citizen("bob-subject").login());
        bob.get()
                .uri("/forsoeg/{id}/interesse/kvittering", id)
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    private String trial(ResearchStudy.ResearchStudyStatus status, String title) {
        var hospital = FhirClients.hospital(port, issuer, FhirClients.ALL_SCOPES);
        var site = hospital.create().resource(TrialBuilder.aSite()).execute().getId();
        var study = TrialBuilder.registered("NCT07000001")
                .at(site.toUnqualifiedVersionless())
                .study()
                .setStatus(status)
                .setTitle(title);
        study.getIdentifierFirstRep().setValue("NCT0" + Math.abs(title.hashCode() % 10_000_000));
        return hospital.create().resource(study).execute().getId().getIdPart();
    }

    private static LinkedMultiValueMap<String, String> form() {
        var form = new LinkedMultiValueMap<String, String>();
        form.add("consent", "yes");
        form.add("channel", "email");
        form.add("email", "anne@example.dk");
        return form;
    }

    private long registrations(String trialId) {
        return database.sql("SELECT count(*) FROM interest_registration WHERE trial_id = :trial")
                .bind("trial", trialId)
                .map(row -> row.get(0, Long.class))
                .one()
                .block();
    }
}
