package dk.trialport.workspace;

import static dk.trialport.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockJwt;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dk.trialport.catalogue.CatalogueStore;
import dk.trialport.catalogue.Outbox;
import dk.trialport.recruitment.application.KeepingProfile;
import dk.trialport.recruitment.model.InterestProfile;
import dk.trialport.recruitment.model.Position;
import dk.trialport.support.PersonBuilder;
import dk.trialport.support.TrialportIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * An investigator creates a trial in the workspace: errors beside the fields, a draft that nobody outside the team
 * finds, a new FHIR version for each save, feasibility counts suppressed below the threshold, publishing that tells
 * matching volunteers, closing recruitment; another organization's investigator cannot open it.
 */
@TrialportIntegrationTest
class WorkspaceTrialsIT {

    @Autowired
    ApplicationContext context;

    @Autowired
    DatabaseClient database;

    @Autowired
    CatalogueStore store;

    @Autowired
    Outbox outbox;

    @Autowired
    KeepingProfile profiles;

    @Autowired
    ElasticsearchClient elasticsearch;

    WebTestClient web;

    @BeforeEach
    void client() {
        web = WebTestClient.bindToApplicationContext(context)
                .apply(springSecurity())
                .configureClient()
                .responseTimeout(Duration.ofSeconds(30))
                .build();
    }

    @Test
    void anInvestigatorDraftsChecksFeasibilityPublishesAndClosesATrialOfTheirTeam() throws Exception {
        var investigator = investigator("inv-a", "rh-onkologi");
        investigator
                .get()
                .uri("/arbejdsrum/forsoeg/ny")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(html -> assertThat(html)
                        .contains(
                                "Opret forsøg",
                                "value=\"rh-onkologi\"",
                                "name=\"conditions\"",
                                "value=\"diabetes-mellitus\""));

        var trials = count("SELECT count(*) FROM trial");
        var bad = newTrial("rh-onkologi");
        bad.set("layTitleDa", "");
        bad.set("contactEmail", "not-an-address");
        bad.set("minAge", "70");
        bad.set("maxAge", "18");
        investigator
                .mutateWith(csrf())
                .post()
                .uri("/arbejdsrum/forsoeg/ny")
                .body(BodyInserters.fromFormData(bad))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody(String.class)
                .value(html -> assertThat(html)
                        .contains(
                                "id=\"layTitleDa-error\"",
                                "id=\"contactEmail-0-error\"",
                                "id=\"maxAge-error\"",
                                "error-summary",
                                "not-an-address",
                                "Weekly semaglutide in type 2 diabetes"));
        assertThat(count("SELECT count(*) FROM trial")).as("nothing stored").isEqualTo(trials);

        var id = created(investigator
                .mutateWith(csrf())
                .post()
                .uri("/arbejdsrum/forsoeg/ny")
                .body(BodyInserters.fromFormData(newTrial("rh-onkologi")))
                .exchange());
        assertThat(text("SELECT organization_id FROM trial_team WHERE trial_id = '" + id + "'"))
                .isEqualTo("rh-onkologi");
        var site = text("SELECT projection->'siteIds'->>0 FROM trial WHERE id = '" + id + "'");
        assertThat(text("SELECT projection->>'city' FROM site WHERE id = '" + site + "'"))
                .isEqualTo("Aarhus N");
        assertThat(text("SELECT status FROM trial WHERE id = '" + id + "'")).isEqualTo("in-review");

        // A draft is nowhere public: the trial page, default FHIR searches, the search index.
        web.get().uri("/forsoeg/" + id).exchange().expectStatus().isNotFound();
        web.get()
                .uri("/fhir/ResearchStudy")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(body -> assertThat(body).doesNotContain(id));
        web.get()
                .uri("/fhir/ResearchStudy?status=in-review")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(body -> assertThat(body).doesNotContain(id));
        web.get().uri("/fhir/ResearchStudy/" + id).exchange().expectStatus().isNotFound();
        web.get()
                .uri("/fhir/ResearchStudy/" + id + "/_history")
                .exchange()
                .expectStatus()
                .isNotFound();
        // ... but its team finds it over FHIR, with a token of the team's organization
        var team = web.mutateWith(mockJwt()
                .jwt(jwt -> jwt.subject("inv-a")
                        .claim("roles", List.of("INVESTIGATOR"))
                        .claim("organization", "rh-onkologi"))
                .authorities(new SimpleGrantedAuthority("ROLE_INVESTIGATOR")));
        team.get()
                .uri("/fhir/ResearchStudy?status=in-review")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(body -> assertThat(body).contains(id));
        team.get().uri("/fhir/ResearchStudy/" + id).exchange().expectStatus().isOk();
        web.mutateWith(mockJwt()
                        .jwt(jwt -> jwt.subject("inv-b")
                                .claim("roles", List.of("INVESTIGATOR"))
                                .claim("organization", "auh-endokrinologi"))
                        .authorities(new SimpleGrantedAuthority("ROLE_INVESTIGATOR")))
                .get()
                .uri("/fhir/ResearchStudy/" + id)
                .exchange()
                .expectStatus()
                .isNotFound();
        await(() -> outbox.backlog("trial-indexer").block() == 0, "indexed");
        assertThat(elasticsearch.indices().exists(e -> e.index("trials")).value()
                        && elasticsearch.exists(e -> e.index("trials").id(id)).value())
                .as("the draft is not in the index")
                .isFalse();

        // Feasibility: three fitting volunteers are "fewer than 5", six are counted.
        for (int i = 0; i < 3; i++) {
            volunteer("near-" + i);
        }
        volunteer("too-young", 12);
        investigator
                .get()
                .uri("/arbejdsrum/forsoeg/" + id)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(html -> assertThat(html)
                        .contains(
                                "Færre end 5 frivillige passer til forsøget",
                                "Kladde",
                                "Weekly semaglutide in type 2 diabetes")
                        .doesNotContain("3 frivillige"));
        for (int i = 3; i < 6; i++) {
            volunteer("near-" + i);
        }
        investigator
                .get()
                .uri("/arbejdsrum/forsoeg/" + id + "?lang=en")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(html -> assertThat(html).contains("6 volunteers fit the trial"));

        // Each save that changes the trial is a new version (an unchanged one is not, as in the catalogue); another
        // team's investigator cannot open or change the trial.
        investigator
                .mutateWith(csrf())
                .post()
                .uri("/arbejdsrum/forsoeg/" + id)
                .body(BodyInserters.fromFormData(withVersion(trial("draft"), 1, site)))
                .exchange()
                .expectStatus()
                .is3xxRedirection();
        assertThat(store.history("ResearchStudy", id).count().block()).isEqualTo(1);
        var older = withVersion(trial("draft"), 1, site);
        older.set("maxAge", "80");
        investigator
                .mutateWith(csrf())
                .post()
                .uri("/arbejdsrum/forsoeg/" + id)
                .body(BodyInserters.fromFormData(older))
                .exchange()
                .expectStatus()
                .is3xxRedirection();
        assertThat(store.history("ResearchStudy", id).count().block()).isEqualTo(2);
        assertThat(text("SELECT projection->>'maximumAgeYears' FROM trial WHERE id = '" + id + "'"))
                .isEqualTo("80.0");
        var other = investigator("inv-b", "auh-endokrinologi");
        other.get().uri("/arbejdsrum/forsoeg/" + id).exchange().expectStatus().isNotFound();
        other.mutateWith(csrf())
                .post()
                .uri("/arbejdsrum/forsoeg/" + id)
                .body(BodyInserters.fromFormData(withVersion(trial("publish"), 2, site)))
                .exchange()
                .expectStatus()
                .isNotFound();
        other.get()
                .uri("/arbejdsrum")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(html -> assertThat(html).doesNotContain(id));
        older.set("maxAge", "85");
        investigator
                .mutateWith(csrf())
                .post()
                .uri("/arbejdsrum/forsoeg/" + id)
                .body(BodyInserters.fromFormData(older))
                .exchange()
                .expectStatus()
                .isEqualTo(409)
                .expectBody(String.class)
                .value(html -> assertThat(html).contains("En anden har ændret forsøget"));

        // Publishing: public, and the matching volunteers are told (the team sees how many, not who).
        investigator
                .mutateWith(csrf())
                .post()
                .uri("/arbejdsrum/forsoeg/" + id)
                .body(BodyInserters.fromFormData(withVersion(trial("publish"), 2, site)))
                .exchange()
                .expectStatus()
                .is3xxRedirection()
                .expectHeader()
                .valueEquals("Location", "/arbejdsrum/forsoeg/" + id + "?offentliggjort");
        assertThat(text("SELECT status || '/' || recruitment_status FROM trial WHERE id = '" + id + "'"))
                .isEqualTo("active/recruiting");
        web.get().uri("/forsoeg/" + id).exchange().expectStatus().isOk();
        await(() -> outbox.backlog("trial-indexer").block() == 0, "indexed");
        assertThat(elasticsearch.exists(e -> e.index("trials").id(id)).value())
                .as("the published trial is indexed")
                .isTrue();
        await(
                () -> count("SELECT count(*) FROM person_notification WHERE trial_id = '" + id + "'") == 6,
                "the six fitting volunteers are told");
        investigator
                .get()
                .uri("/arbejdsrum")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(html -> assertThat(html)
                        .contains(
                                "Ugentlig semaglutid",
                                "Offentliggjort",
                                "Søger deltagere",
                                "<td class=\"numeric\">6</td>")
                        .doesNotContain("near-"));

        investigator
                .mutateWith(csrf())
                .post()
                .uri("/arbejdsrum/forsoeg/" + id)
                .body(BodyInserters.fromFormData(withVersion(trial("close"), 3, site)))
                .exchange()
                .expectStatus()
                .is3xxRedirection();
        assertThat(text("SELECT status || '/' || recruitment_status FROM trial WHERE id = '" + id + "'"))
                .isEqualTo("closed-to-accrual/active-not-recruiting");
        assertThat(store.history("ResearchStudy", id).count().block()).isEqualTo(4);
    }

    @Test
    void publishingNeedsAConditionASiteAndAContact() {
        var investigator = investigator("inv-c", "rh-onkologi");
        var empty = newTrial("rh-onkologi");
        empty.set("action", "publish");
        empty.remove("conditions");
        empty.remove("siteName");
        empty.remove("siteLine");
        empty.remove("sitePostalCode");
        empty.remove("contactName");
        empty.remove("contactEmail");
        empty.remove("contactPhone");
        investigator
                .mutateWith(csrf())
                .post()
                .uri("/arbejdsrum/forsoeg/ny")
                .body(BodyInserters.fromFormData(empty))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody(String.class)
                .value(html -> assertThat(html)
                        .contains(
                                "Vælg mindst én sygdom",
                                "Vælg eller tilføj mindst ét sted",
                                "Tilføj mindst én kontaktperson"));
    }

    @Test
    void anAdministratorManagesMembersAndHandsATrialOver() {
        var admin = web.mutateWith(
                PersonBuilder.administrator("admin-1").named("Ada Admin").login());
        admin.mutateWith(csrf())
                .post()
                .uri("/arbejdsrum/admin/organisationer")
                .body(BodyInserters.fromFormData(form(Map.of("id", "ouh-kardiologi", "name", "OUH, Kardiologi"))))
                .exchange()
                .expectStatus()
                .is3xxRedirection();
        admin.mutateWith(csrf())
                .post()
                .uri("/arbejdsrum/admin/organisationer")
                .body(BodyInserters.fromFormData(form(Map.of("id", "Not An Id", "name", ""))))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody(String.class)
                .value(html ->
                        assertThat(html).contains("id=\"organizationId-error\"", "id=\"organizationName-error\""));
        admin.mutateWith(csrf())
                .post()
                .uri("/arbejdsrum/admin/medlemmer")
                .body(BodyInserters.fromFormData(form(
                        Map.of("organization", "ouh-kardiologi", "subject", "inv-d", "displayName", "Dorte Dahl"))))
                .exchange()
                .expectStatus()
                .is3xxRedirection();
        admin.get()
                .uri("/arbejdsrum/admin")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(html -> assertThat(html).contains("OUH, Kardiologi", "Dorte Dahl", "inv-d"));
        assertThat(count(
                        "SELECT count(*) FROM audit_event WHERE action = 'team-member-added' AND person_ref = 'inv-d'"))
                .isEqualTo(1);

        var id = created(investigator("inv-d", null)
                .mutateWith(csrf())
                .post()
                .uri("/arbejdsrum/forsoeg/ny")
                .body(BodyInserters.fromFormData(newTrial("ouh-kardiologi")))
                .exchange());
        assertThat(text("SELECT organization_id FROM trial_team WHERE trial_id = '" + id + "'"))
                .isEqualTo("ouh-kardiologi");
        investigator("inv-d", null)
                .mutateWith(csrf())
                .post()
                .uri("/arbejdsrum/forsoeg/ny")
                .body(BodyInserters.fromFormData(newTrial("rh-onkologi")))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody(String.class)
                .value(html -> assertThat(html).contains("id=\"organization-error\""));
        admin.mutateWith(csrf())
                .post()
                .uri("/arbejdsrum/admin/overdrag")
                .body(BodyInserters.fromFormData(form(Map.of("trial", id, "organization", "no-such-team"))))
                .exchange()
                .expectStatus()
                .isBadRequest();
        admin.mutateWith(csrf())
                .post()
                .uri("/arbejdsrum/admin/organisationer")
                .body(BodyInserters.fromFormData(form(Map.of("id", "rh-onkologi", "name", "Rigshospitalet, Onkologi"))))
                .exchange()
                .expectStatus()
                .is3xxRedirection();
        admin.mutateWith(csrf())
                .post()
                .uri("/arbejdsrum/admin/overdrag")
                .body(BodyInserters.fromFormData(form(Map.of("trial", id, "organization", "rh-onkologi"))))
                .exchange()
                .expectStatus()
                .is3xxRedirection();
        investigator("inv-d", null)
                .get()
                .uri("/arbejdsrum/forsoeg/" + id)
                .exchange()
                .expectStatus()
                .isNotFound();
        investigator("inv-e", "rh-onkologi")
                .get()
                .uri("/arbejdsrum/forsoeg/" + id)
                .exchange()
                .expectStatus()
                .isOk();

        admin.mutateWith(csrf())
                .post()
                .uri("/arbejdsrum/admin/medlemmer/fjern")
                .body(BodyInserters.fromFormData(form(Map.of("organization", "ouh-kardiologi", "subject", "inv-d"))))
                .exchange()
                .expectStatus()
                .is3xxRedirection();
        assertThat(
                        count(
                                "SELECT count(*) FROM audit_event WHERE action = 'team-member-removed' AND person_ref = 'inv-d'"))
                .isEqualTo(1);
        investigator("inv-d", null)
                .get()
                .uri("/arbejdsrum/admin")
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    private WebTestClient investigator(String subject, String organization) {
        return web.mutateWith(PersonBuilder.investigator(subject, organization)
                .named("Investigator " + subject)
                .login());
    }

    static MultiValueMap<String, String> trial(String action) {
        var form = new LinkedMultiValueMap<String, String>();
        form.add("layTitleDa", "Ugentlig semaglutid ved type 2-diabetes");
        form.add("layTitleEn", "Weekly semaglutide for type 2 diabetes");
        form.add("titleEn", "Weekly semaglutide in type 2 diabetes: a randomised trial");
        form.add("laySummaryDa", "Forsøget undersøger, om ugentlig medicin hjælper.");
        form.add("conditions", "diabetes-mellitus");
        form.add("minAge", "18");
        form.add("maxAge", "75");
        form.add("healthy", "no");
        form.add("inclusion", "Type 2 diabetes for at least 1 year\nHbA1c above 53");
        form.add("exclusion", "Pregnancy");
        form.add("siteName", "Aarhus Universitetshospital, Steno Diabetes Center");
        form.add("siteLine", "Palle Juul-Jensens Boulevard 11");
        form.add("sitePostalCode", "8200");
        form.add("contactName", "Hanne Berg");
        form.add("contactPhone", "+45 35 45 00 00");
        form.add("contactEmail", "hanne@example.dk");
        form.add("nct", "NCT01234567");
        form.add("action", action);
        return form;
    }

    static MultiValueMap<String, String> newTrial(String organization) {
        var form = trial("draft");
        form.add("organization", organization);
        return form;
    }

    /** The form of a stored trial: its site picked from the known ones, read at {@code version}. */
    private static MultiValueMap<String, String> withVersion(
            MultiValueMap<String, String> form, int version, String site) {
        form.remove("siteName");
        form.remove("siteLine");
        form.remove("sitePostalCode");
        form.add("siteIds", site);
        form.add("version", Integer.toString(version));
        return form;
    }

    private static MultiValueMap<String, String> form(Map<String, String> values) {
        var form = new LinkedMultiValueMap<String, String>();
        values.forEach(form::add);
        return form;
    }

    private String created(WebTestClient.ResponseSpec response) {
        var location = response.expectStatus()
                .is3xxRedirection()
                .returnResult(String.class)
                .getResponseHeaders()
                .getLocation()
                .toString();
        assertThat(location).matches("/arbejdsrum/forsoeg/[^/?]+\\?gemt");
        return location.substring("/arbejdsrum/forsoeg/".length(), location.indexOf('?'));
    }

    private void volunteer(String subject) {
        volunteer(subject, 50);
    }

    private void volunteer(String subject, int age) {
        profiles.save(
                        subject,
                        new InterestProfile.Details(
                                List.of("diabetes"),
                                age,
                                "female",
                                false,
                                "8000",
                                new Position(56.155, 10.205),
                                50,
                                true,
                                null))
                .block();
    }

    private long count(String sql) {
        return database.sql(sql).map(row -> row.get(0, Long.class)).one().block();
    }

    private String text(String sql) {
        return database.sql(sql).map(row -> row.get(0, String.class)).one().block();
    }
}
