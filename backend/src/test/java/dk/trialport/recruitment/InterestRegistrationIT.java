package dk.trialport.recruitment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

import dk.trialport.support.Eventually;
import dk.trialport.support.FhirClients;
import dk.trialport.support.PersonBuilder;
import dk.trialport.support.TrialBuilder;
import dk.trialport.support.TrialportIntegrationTest;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
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
 * A logged-in person registers interest in a trial with consent, sees it on My page, withdraws it,
 * exports their data and deletes their account; another person never sees or changes it.
 */
@TrialportIntegrationTest
class InterestRegistrationIT {

    @Autowired
    ApplicationContext context;

    @Autowired
    DatabaseClient database;

    @LocalServerPort
    int port;

    @Value("${trialport.identity.issuer}")
    String issuer;

    WebTestClient web;
    String trialId;

    @BeforeEach
    void aPublishedTrial() {
        web = WebTestClient.bindToApplicationContext(context)
                .apply(springSecurity())
                .configureClient()
                .responseTimeout(java.time.Duration.ofSeconds(60))
                .build();
        var hospital = FhirClients.hospital(port, issuer, FhirClients.ALL_SCOPES);
        var existing = hospital.search()
                .forResource(ResearchStudy.class)
                .returnBundle(Bundle.class)
                .execute();
        if (!existing.getEntry().isEmpty()) {
            trialId = existing.getEntryFirstRep().getResource().getIdElement().getIdPart();
            return;
        }
        var site = hospital.create().resource(TrialBuilder.aSite()).execute().getId();
        var response = hospital.create()
                .resource(TrialBuilder.registered("NCT07000001")
                        .at(site.toUnqualifiedVersionless())
                        .study())
                .execute();
        trialId = response.getId().getIdPart();
    }

    @Test
    void aPersonRegistersSeesWithdrawsExportsAndDeletes() {
        var anne = web.mutateWith(
                PersonBuilder.citizen("anne-subject").named("Anne Jensen").login());

        anne.get()
                .uri("/forsoeg/{id}/interesse", trialId)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(html -> assertThat(html).contains("interest-2026-12", "name=\"consent\""));

        var missingConsent = form("", "email", "anne@example.dk", "");
        anne.mutateWith(csrf())
                .post()
                .uri("/forsoeg/{id}/interesse", trialId)
                .body(BodyInserters.fromFormData(missingConsent))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody(String.class)
                .value(html -> assertThat(html).contains("id=\"consent-error\"", "Sæt kryds"));
        assertThat(count("interest_registration")).isZero();

        var badEmail = form("yes", "email", "not-an-address", "");
        anne.mutateWith(csrf())
                .post()
                .uri("/forsoeg/{id}/interesse", trialId)
                .body(BodyInserters.fromFormData(badEmail))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody(String.class)
                .value(html -> assertThat(html).contains("id=\"email-error\"", "not-an-address"));

        var good = form("yes", "email", "anne@example.dk", "Jeg har haft diabetes i 10 år");
        for (int i = 0; i < 2; i++) {
            anne.mutateWith(csrf())
                    .post()
                    .uri("/forsoeg/{id}/interesse", trialId)
                    .body(BodyInserters.fromFormData(good))
                    .exchange()
                    .expectStatus()
                    .is3xxRedirection()
                    .expectHeader()
                    .valueEquals("Location", "/forsoeg/" + trialId + "/interesse/kvittering");
        }
        assertThat(count("interest_registration"))
                .as("registering twice is idempotent")
                .isEqualTo(1);
        assertThat(count("team_notification")).as("the trial team is told once").isEqualTo(1);

        anne.get()
                .uri("/forsoeg/{id}/interesse", trialId)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(html -> assertThat(html).contains("Du er allerede tilmeldt", "anne@example.dk"));
        var changed = form("yes", "email", "anne.jensen@example.dk", "Jeg har haft diabetes i 10 år");
        anne.mutateWith(csrf())
                .post()
                .uri("/forsoeg/{id}/interesse", trialId)
                .body(BodyInserters.fromFormData(changed))
                .exchange()
                .expectStatus()
                .is3xxRedirection();
        assertThat(count("interest_registration"))
                .as("a change is no new registration")
                .isEqualTo(1);
        assertThat(count("team_notification"))
                .as("the team is told of the change")
                .isEqualTo(2);
        awaitNoMailDue();
        assertThat(count("team_notification"))
                .as("a team mail that cannot go (no contact e-mail) is dropped; the team's " + "notification stays")
                .isEqualTo(2);
        assertThat(count("mail")).as("the undeliverable mail is gone").isZero();
        var stored = database.sql("SELECT contact_encrypted FROM interest_registration")
                .map(row -> row.get(0, byte[].class))
                .one()
                .block();
        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("anne.jensen@example.dk");

        anne.get()
                .uri("/min-side")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(html -> assertThat(html)
                        .contains(
                                "anne.jensen@example.dk",
                                "Jeg har haft diabetes i 10 år",
                                "Modtaget",
                                "/samtykke/interest-2026-12",
                                "Træk min interesse tilbage"));

        var bob = web.mutateWith(PersonBuilder.citizen("bob-subject").login());
        bob.get()
                .uri("/min-side")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(html -> assertThat(html).doesNotContain("anne.jensen@example.dk"));
        var registrationId = database.sql("SELECT id FROM interest_registration")
                .map(row -> row.get(0, java.util.UUID.class))
                .one()
                .block();
        bob.mutateWith(csrf())
                .post()
                .uri("/min-side/tilmeldinger/{id}/tilbagetraek", registrationId)
                .exchange()
                .expectStatus()
                .isNotFound();
        bob.get()
                .uri("/min-side/eksport")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(body -> assertThat(body).doesNotContain("anne.jensen@example.dk"));

        anne.mutateWith(csrf())
                .post()
                .uri("/min-side/tilmeldinger/{id}/tilbagetraek", registrationId)
                .exchange()
                .expectStatus()
                .is3xxRedirection();
        assertThat(database.sql("SELECT status FROM interest_registration")
                        .map(row -> row.get(0, String.class))
                        .one()
                        .block())
                .isEqualTo("withdrawn");
        assertThat(database.sql("SELECT count(*) FROM consent_event WHERE kind = 'withdrawn'")
                        .map(row -> row.get(0, Long.class))
                        .one()
                        .block())
                .isEqualTo(1);

        anne.get()
                .uri("/min-side/eksport")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueMatches("Content-Disposition", "attachment; filename=\"trialport-mine-data-.*\\.json\"")
                .expectBody(String.class)
                .value(body -> assertThat(body)
                        .contains(
                                "\"interestRegistrations\"",
                                "\"withdrawn\"",
                                "\"consents\"",
                                "interest-withdrawn",
                                "accessLog"));

        anne.get()
                .uri("/min-side")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(html -> assertThat(html).contains("Trukket tilbage", "Hentede sine data"));

        anne.get()
                .uri("/min-side/slet")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(html -> assertThat(html).contains("Vil du slette din konto og dine data?", "name=\"confirm\""));
        anne.mutateWith(csrf())
                .post()
                .uri("/min-side/slet")
                .exchange()
                .expectStatus()
                .is3xxRedirection();
        assertThat(count("person"))
                .as("nothing deleted without the confirmation")
                .isEqualTo(1);
        anne.mutateWith(csrf())
                .post()
                .uri("/min-side/slet")
                .body(org.springframework.web.reactive.function.BodyInserters.fromFormData("confirm", "yes"))
                .exchange()
                .expectStatus()
                .isOk();
        assertThat(count("interest_registration")).isZero();
        assertThat(count("person")).isZero();
    }

    @Test
    void pagesWithPersonalDataNeedLoginAndFormsNeedTheCsrfToken() {
        web.get()
                .uri("/min-side")
                .exchange()
                .expectStatus()
                .is3xxRedirection()
                .expectHeader()
                .valueMatches("Location", ".*/oauth2/authorization/trialport");
        var anne = web.mutateWith(PersonBuilder.citizen("anne-subject").login());
        anne.post()
                .uri("/forsoeg/{id}/interesse", trialId)
                .body(BodyInserters.fromFormData(form("yes", "portal", "", "")))
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    private static LinkedMultiValueMap<String, String> form(
            String consent, String channel, String email, String message) {
        var form = new LinkedMultiValueMap<String, String>();
        form.setAll(Map.of("consent", consent, "channel", channel, "email", email, "phone", "", "message", message));
        return form;
    }

    private void awaitNoMailDue() {
        Eventually.await(() -> count("mail WHERE sent_at IS NULL") == 0, "the mail worker took the team's mail");
    }

    private long count(String table) {
        return database.sql("SELECT count(*) FROM " + table)
                .map(row -> row.get(0, Long.class))
                .one()
                .block();
    }
}
