package dk.trialport.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

import dk.trialport.catalogue.Freshness;
import dk.trialport.catalogue.PublicTrials;
import dk.trialport.identity.IdentityProperties;
import dk.trialport.recruitment.CandidateFixture;
import dk.trialport.support.Eventually;
import dk.trialport.support.FhirClients;
import dk.trialport.support.PersonBuilder;
import dk.trialport.support.TrialBuilder;
import dk.trialport.support.TrialportIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Period;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stale trial, one that still says it is recruiting after its end date, is flagged on its page and its result
 * card, ranks below a current one that matches as well, and its team is reminded by mail once per month; a trial
 * nobody changed or confirmed for 12 months becomes stale too, and the team's one-click confirmation makes it current.
 */
@TrialportIntegrationTest
class StaleRecordIT {

    private static final String STALE_TEAM = "stale-trial-team@example.dk";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    IdentityProperties identity;

    @Autowired
    StaleRecordNudges nudges;

    @Autowired
    Freshness freshness;

    @Autowired
    PublicTrials trials;

    @Autowired
    dk.trialport.catalogue.ConfirmationLinks links;

    WebTestClient web;
    static String current;
    static String stale;

    @BeforeEach
    void aCurrentAndAStaleTrial() {
        web = WebTestClient.bindToApplicationContext(context)
                .apply(springSecurity())
                .configureClient()
                .responseTimeout(Duration.ofSeconds(30))
                .build();
        if (current != null) {
            return;
        }
        context.getBean(dk.trialport.identity.TrialTeams.class)
                .saveOrganization(new dk.trialport.identity.TrialTeams.Organization(
                        CandidateFixture.TEAM, "Rigshospitalet, Onkologisk Klinik"))
                .block();
        var hospital = FhirClients.hospital(port, identity.issuer(), FhirClients.ALL_SCOPES);
        var site = hospital.create()
                .resource(TrialBuilder.aSite())
                .execute()
                .getId()
                .toUnqualifiedVersionless();
        current = hospital.create()
                .resource(TrialBuilder.registered("NCT07000001").at(site).study())
                .execute()
                .getId()
                .getIdPart();
        var ended = TrialBuilder.registered("NCT07000001").at(site).study();
        ended.getIdentifierFirstRep().setValue("NCT07300931");
        ended.setPeriod(new Period()
                .setStartElement(new DateTimeType("2022-01-01"))
                .setEndElement(new DateTimeType("2025-06-30")));
        ended.addContact()
                .setName("Forsøgssekretariatet")
                .addTelecom()
                .setSystem(ContactPoint.ContactPointSystem.EMAIL)
                .setValue(STALE_TEAM);
        stale = hospital.create().resource(ended).execute().getId().getIdPart();
    }

    /** The fixture's trials state no recruitment status of their own, so the searches ask for every status. */
    @Test
    void aStaleTrialIsFlaggedAndRankedBelowACurrentOne() {
        Eventually.await(() -> ids("/api/v1/trials?status=all&sort=relevance").size() == 2, "both trials are indexed");

        var page = JSON.readTree(get("/api/v1/trials?status=all&sort=relevance"));
        var items = page.get("items");
        assertThat(items.get(0).get("id").asString()).isEqualTo(current);
        assertThat(items.get(0).has("stale")).isFalse();
        assertThat(items.get(1).get("id").asString()).isEqualTo(stale);
        assertThat(items.get(1).get("stale").asBoolean()).isTrue();

        assertThat(get("/soeg?status=all&sort=relevance")).containsOnlyOnce("Måske ikke opdateret");
        assertThat(get("/soeg?status=all&sort=relevance&lang=en")).containsOnlyOnce("May be out of date");
        assertThat(get("/forsoeg/" + stale))
                .contains("Oplysningerne er måske ikke opdaterede.", "slutdato er passeret");
        assertThat(get("/forsoeg/" + stale + "?lang=en")).contains("This information may be out of date.");
        assertThat(get("/forsoeg/" + current)).doesNotContain("måske ikke opdaterede");
    }

    @Test
    void theTeamIsRemindedOncePerMonthAndConfirmsInOneClick() throws Exception {
        var now = Instant.now();
        var before = CandidateFixture.mailsTo(STALE_TEAM).size();
        assertThat(nudges.nudge(now).block()).as("the stale trial's team").isEqualTo(1);
        assertThat(nudges.nudge(now.plus(Duration.ofDays(3))).block())
                .as("not twice in a month")
                .isZero();
        var mails = CandidateFixture.awaitMails(STALE_TEAM, before + 1);
        assertThat(mails.getLast().getSubject()).contains("Er oplysningerne om jeres forsøg stadig rigtige?");
        assertThat(CandidateFixture.text(mails.getLast()))
                .as("a one-click confirmation link, and the workspace page to update the trial")
                .contains("/bekraeft/ey", "/arbejdsrum/forsoeg/" + stale);
        assertThat(nudges.nudge(now.plus(Duration.ofDays(32))).block())
                .as("a month later, again")
                .isEqualTo(1);
        assertThat(CandidateFixture.awaitMails(STALE_TEAM, before + 2)).hasSize(before + 2);

        // A year without a change or confirmation makes the current trial stale too, until its team confirms it.
        var inAYear = now.plus(Duration.ofDays(370));
        var trial = trials.find(current).block();
        assertThat(Freshness.isStale(trial, null, inAYear)).isTrue();
        investigator()
                .mutateWith(csrf())
                .post()
                .uri("/arbejdsrum/forsoeg/" + current + "/bekraeft")
                .exchange()
                .expectStatus()
                .is3xxRedirection()
                .expectHeader()
                .valueEquals("Location", "/arbejdsrum/forsoeg/" + current + "?bekraeftet");
        var confirmed = freshness.confirmedAt(current).block();
        assertThat(confirmed).isAfterOrEqualTo(now);
        assertThat(Freshness.isStale(trial, confirmed, confirmed.plus(Duration.ofDays(300))))
                .isFalse();
        assertThat(Freshness.isStale(trial, confirmed, confirmed.plus(Duration.ofDays(370))))
                .isTrue();
        // Confirmed when it had turned stale, it is current for another year.
        assertThat(Freshness.isStale(trial, inAYear, inAYear.plus(Duration.ofDays(300))))
                .isFalse();
        investigator()
                .get()
                .uri("/arbejdsrum/forsoeg/" + current + "?bekraeftet")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(html -> assertThat(html).contains("Oplysningerne er bekræftet som opdaterede."));
    }

    @Test
    void theMailedLinkConfirmsTheTrialInOneClickWithoutLoginAndOnlyOnce() {
        var issued = Instant.now();
        var link = "/bekraeft/" + links.token(stale, issued);

        var title = dk.trialport.catalogue.TrialTitles.of(
                trials.find(stale).block(), java.util.Locale.forLanguageTag("da"));
        assertThat(get(link))
                .contains("Er oplysningerne om forsøget stadig rigtige?", "action=\"" + link + "\"")
                .contains("<strong>" + title + "</strong>");
        assertThat(freshness.confirmedAt(stale).blockOptional())
                .as("opening the link (as a mail scanner does) changes nothing")
                .isEmpty();

        web.mutateWith(csrf())
                .post()
                .uri(link)
                .exchange()
                .expectStatus()
                .is3xxRedirection()
                .expectHeader()
                .valueEquals("Location", link + "?bekraeftet");
        var confirmed = freshness.confirmedAt(stale).block();
        assertThat(confirmed).isAfterOrEqualTo(issued.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        assertThat(get(link + "?bekraeftet")).contains("Oplysningerne er bekræftet som opdaterede.");

        assertThat(get(link)).as("used once").contains("allerede bekræftet");
        assertThat(get(link + "?lang=en")).contains("already been confirmed");
        web.mutateWith(csrf()).post().uri(link).exchange().expectStatus().is3xxRedirection();
        assertThat(freshness.confirmedAt(stale).block())
                .as("a used link confirms nothing")
                .isEqualTo(confirmed);

        var forged = link.substring(0, link.length() - 4) + (link.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertThat(web.get()
                        .uri(forged)
                        .exchange()
                        .expectStatus()
                        .isNotFound()
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody())
                .contains("Linket virker ikke længere");
        web.mutateWith(csrf()).post().uri(forged).exchange().expectStatus().isNotFound();
    }

    @Test
    void theDataQualityPageCountsCurrentAndFlaggedTrialsPerOrganizationAndRegion() {
        var html = web.mutateWith(PersonBuilder.administrator("admin-quality")
                        .named("Administrator")
                        .login())
                .get()
                .uri("/arbejdsrum/admin/datakvalitet")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody()
                .replaceAll(">\\s+<", "><");
        assertThat(html).contains("<svg", "<title id=\"organization-chart-title\">", "<desc id=\"region-chart-desc\">");
        // trials, current, flagged, without lay summary, contact, site
        var numbers = "<td class=\"numeric\">2</td><td class=\"numeric\">1</td><td class=\"numeric\">1</td>"
                + "<td class=\"numeric\">2</td><td class=\"numeric\">0</td><td class=\"numeric\">0</td>";
        assertThat(html)
                .contains("<th scope=\"row\">Rigshospitalet, Onkologisk Klinik</th>" + numbers)
                .contains("<th scope=\"row\">Region Hovedstaden</th>" + numbers);
        investigator()
                .get()
                .uri("/arbejdsrum/admin/datakvalitet")
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    private WebTestClient investigator() {
        return web.mutateWith(PersonBuilder.investigator("inv-stale", CandidateFixture.TEAM)
                .named("Investigator")
                .login());
    }

    private List<String> ids(String uri) {
        var items = JSON.readTree(get(uri)).get("items");
        var ids = new java.util.ArrayList<String>();
        items.forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }

    /** A public page or the public API over real HTTP, as a visitor reads it. */
    private String get(String uri) {
        return FhirClients.web(port)
                .get()
                .uri(uri)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }
}
