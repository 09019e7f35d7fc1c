package dk.trialport.recruitment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

import dk.trialport.support.PersonBuilder;
import dk.trialport.support.TrialportIntegrationTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * A logged-in person makes an interest profile (errors next to the fields), sees it on My page with its
 * consent, pauses, resumes, exports and deletes it; another person never sees or changes it.
 */
@TrialportIntegrationTest
class InterestProfileIT {

    @Autowired
    ApplicationContext context;

    @Autowired
    DatabaseClient database;

    WebTestClient web;

    @BeforeEach
    void client() {
        web = WebTestClient.bindToApplicationContext(context)
                .apply(springSecurity())
                .configureClient()
                .responseTimeout(java.time.Duration.ofSeconds(60))
                .build();
    }

    @Test
    void aPersonMakesChangesPausesExportsAndDeletesTheirProfileAndNoOneElseCan() {
        var anne = web.mutateWith(
                PersonBuilder.citizen("anne-profile").named("Anne").login());
        anne.get()
                .uri("/profil")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(html -> assertThat(html)
                        .contains(
                                "profile-2026-11",
                                "name=\"areas\"",
                                "value=\"diabetes\"",
                                "value=\"diabetes-mellitus\""));

        var bad = form("", "9", "3900", "yes", "not-an-address", "diabetes");
        anne.mutateWith(csrf())
                .post()
                .uri("/profil")
                .body(BodyInserters.fromFormData(bad))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody(String.class)
                .value(html -> assertThat(html)
                        .contains(
                                "id=\"postalCode-error\"",
                                "id=\"email-error\"",
                                "id=\"consent-error\"",
                                "not-an-address",
                                "error-summary")
                        .doesNotContain("id=\"age-error\""));
        var noArea = form("yes", "54", "8000", "no", "", "unknown-area");
        anne.mutateWith(csrf())
                .post()
                .uri("/profil")
                .body(BodyInserters.fromFormData(noArea))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody(String.class)
                .value(html -> assertThat(html).contains("id=\"areas\"", "Vælg sygdomsområder"));
        assertThat(count("interest_profile")).isZero();

        var good = form("yes", "54", "8000", "yes", "anne@example.dk", "diabetes", "breast-cancer");
        anne.mutateWith(csrf())
                .post()
                .uri("/profil")
                .body(BodyInserters.fromFormData(good))
                .exchange()
                .expectStatus()
                .is3xxRedirection()
                .expectHeader()
                .valueEquals("Location", "/profil?gemt");
        assertThat(count("interest_profile")).isEqualTo(1);
        assertThat(sql("SELECT array_to_string(areas, ',') FROM interest_profile"))
                .isEqualTo("diabetes,breast-cancer");
        var stored = database.sql("SELECT email_encrypted FROM interest_profile")
                .map(row -> row.get(0, byte[].class))
                .one()
                .block();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("anne@example.dk");
        assertThat(sql("SELECT text_version FROM consent_event WHERE profile_id IS NOT NULL AND kind = 'given'"))
                .isEqualTo("profile-2026-11");

        anne.get()
                .uri("/profil")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(html -> assertThat(html).contains("anne@example.dk", "value=\"8000\""));
        anne.get()
                .uri("/min-side")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(html -> assertThat(html)
                        .contains(
                                "Din interesseprofil",
                                "Diabetes og hormonsygdomme",
                                "Aktiv",
                                "Samtykke</dt>",
                                "Givet ",
                                "anne@example.dk",
                                "Nye forsøg, der passer til din profil",
                                "href=\"/profil\""));

        var bob = web.mutateWith(PersonBuilder.citizen("bob-profile").login());
        bob.get()
                .uri("/profil")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(html -> assertThat(html).doesNotContain("anne@example.dk", "value=\"8000\""));
        bob.mutateWith(csrf())
                .post()
                .uri("/profil/pause")
                .exchange()
                .expectStatus()
                .is3xxRedirection();
        bob.mutateWith(csrf())
                .post()
                .uri("/profil/slet")
                .exchange()
                .expectStatus()
                .is3xxRedirection();
        bob.get()
                .uri("/min-side/eksport")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(body -> assertThat(body).doesNotContain("anne@example.dk"));
        assertThat(count("interest_profile"))
                .as("Bob's posts did not touch Anne's profile")
                .isEqualTo(1);
        assertThat(sql("SELECT coalesce(paused_at::text, 'active') FROM interest_profile"))
                .isEqualTo("active");

        anne.mutateWith(csrf())
                .post()
                .uri("/profil/pause")
                .exchange()
                .expectStatus()
                .is3xxRedirection();
        assertThat(sql("SELECT coalesce(paused_at::text, 'active') FROM interest_profile"))
                .isNotEqualTo("active");
        anne.get()
                .uri("/min-side")
                .exchange()
                .expectBody(String.class)
                .value(html -> assertThat(html).contains("Sat på pause"));
        anne.mutateWith(csrf())
                .post()
                .uri("/profil/genoptag")
                .exchange()
                .expectStatus()
                .is3xxRedirection();
        assertThat(sql("SELECT coalesce(paused_at::text, 'active') FROM interest_profile"))
                .isEqualTo("active");

        anne.get()
                .uri("/min-side/eksport")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(body -> assertThat(body)
                        .contains(
                                "\"interestProfile\"",
                                "\"breast-cancer\"",
                                "anne@example.dk",
                                "\"notifications\"",
                                "profile-created",
                                "profile-paused",
                                "profile-resumed",
                                "profile-viewed"));

        anne.mutateWith(csrf())
                .post()
                .uri("/profil/slet")
                .exchange()
                .expectStatus()
                .is3xxRedirection()
                .expectHeader()
                .valueEquals("Location", "/min-side?profilSlettet");
        assertThat(count("interest_profile")).isZero();
        assertThat(sql("SELECT count(*)::text FROM consent_event WHERE profile_id IS NOT NULL AND kind = 'withdrawn'"))
                .isEqualTo("1");

        anne.mutateWith(csrf())
                .post()
                .uri("/profil")
                .body(BodyInserters.fromFormData(good))
                .exchange()
                .expectStatus()
                .is3xxRedirection();
        anne.mutateWith(csrf())
                .post()
                .uri("/min-side/slet")
                .body(org.springframework.web.reactive.function.BodyInserters.fromFormData("confirm", "yes"))
                .exchange()
                .expectStatus()
                .isOk();
        assertThat(count("interest_profile"))
                .as("deleting the account deletes the profile")
                .isZero();
    }

    @Test
    void theProfileNeedsLoginAndTheCsrfToken() {
        web.get()
                .uri("/profil")
                .exchange()
                .expectStatus()
                .is3xxRedirection()
                .expectHeader()
                .valueMatches("Location", ".*/oauth2/authorization/trialport");
        var anne = web.mutateWith(PersonBuilder.citizen("anne-profile").login());
        anne.post()
                .uri("/profil")
                .body(BodyInserters.fromFormData(form("yes", "54", "8000", "no", "", "diabetes")))
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    static LinkedMultiValueMap<String, String> form(
            String consent, String age, String postalCode, String email, String address, String... areas) {
        var form = new LinkedMultiValueMap<String, String>();
        for (var area : areas) {
            form.add("areas", area);
        }
        form.add("age", age);
        form.add("sex", "female");
        form.add("healthy", "no");
        form.add("postalCode", postalCode);
        form.add("travelKm", "50");
        form.add("notifyPortal", "yes");
        form.add("notifyEmail", email);
        form.add("email", address);
        form.add("consent", consent);
        return form;
    }

    private long count(String table) {
        return database.sql("SELECT count(*) FROM " + table)
                .map(row -> row.get(0, Long.class))
                .one()
                .block();
    }

    private String sql(String query) {
        return database.sql(query).map(row -> row.get(0, String.class)).one().block();
    }
}
