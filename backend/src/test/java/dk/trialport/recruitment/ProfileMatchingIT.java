package dk.trialport.recruitment;

import static dk.trialport.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

import dk.trialport.catalogue.Outbox;
import dk.trialport.fhir.TrialportFhir.CodeSystems;
import dk.trialport.infra.embedded.EmbeddedPlatform;
import dk.trialport.recruitment.application.KeepingProfile;
import dk.trialport.recruitment.model.InterestProfile;
import dk.trialport.recruitment.model.Position;
import dk.trialport.support.Eventually;
import dk.trialport.support.PersonBuilder;
import dk.trialport.support.TrialBuilder;
import dk.trialport.support.TrialportIntegrationTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A newly published trial is matched against the interest profiles: exactly the matching people are told,
 * once, in the portal and by e-mail through the embedded mail server; a mail server outage delays the
 * mail but never loses it.
 */
@TrialportIntegrationTest
class ProfileMatchingIT {

    static final Position AARHUS_8000 = new Position(56.1567, 10.2108);

    @Autowired
    KeepingProfile profiles;

    @Autowired
    ApplicationContext context;

    @Autowired
    DatabaseClient database;

    @Autowired
    Outbox outbox;

    @LocalServerPort
    int port;

    @Value("${trialport.identity.issuer}")
    String issuer;

    @Test
    void aNewRecruitingTrialTellsExactlyTheMatchingProfilesOnceInThePortalAndByMail() throws Exception {
        save("match", List.of("diabetes"), 54, "8000", AARHUS_8000, 50, "match@example.dk");
        save("wrong-area", List.of("cancer"), 54, "8000", AARHUS_8000, 50, "wrong-area@example.dk");
        save("too-far", List.of("diabetes"), 54, "2100", new Position(55.70, 12.57), 50, "too-far@example.dk");
        save("too-old", List.of("diabetes-mellitus"), 80, "8000", AARHUS_8000, 50, "too-old@example.dk");
        save("paused", List.of("diabetes"), 54, "8000", AARHUS_8000, 50, "paused@example.dk");
        profiles.pause("paused").block();
        save("portal-only", List.of("type-2-diabetes"), 40, "8000", AARHUS_8000, 20, null);

        publish("m-t2d", "Weekly semaglutide for adults with type 2 diabetes", "recruiting");
        publish("m-done", "Metformin and diet in type 2 diabetes", "completed");
        awaitMatched();

        var trialId = trialId("Weekly semaglutide for adults with type 2 diabetes");
        assertThat(told(trialId)).containsExactlyInAnyOrder("match", "portal-only");
        assertThat(count("SELECT count(*) FROM person_notification n JOIN trial t ON t.id = n.trial_id "
                        + "WHERE t.recruitment_status = 'completed'"))
                .as("a completed trial tells no one")
                .isZero();
        var mailRows = "SELECT count(*) FROM mail WHERE trial_id = '" + trialId + "'";
        assertThat(count(mailRows))
                .as("only the person who chose e-mail gets one")
                .isEqualTo(1);

        await(() -> count(mailRows + " AND sent_at IS NOT NULL") == 1, "the mail is sent");
        var mails = mailsTo("match@example.dk");
        assertThat(mails).hasSize(1);
        assertThat(mails.getFirst().getSubject()).contains("Et nyt forsøg passer til din profil");
        assertThat((String) mails.getFirst().getContent())
                .contains(
                        "Weekly semaglutide for adults with type 2 diabetes",
                        "http://localhost:8080/forsoeg/" + trialId);
        for (var other : List.of("wrong-area", "too-far", "too-old", "paused")) {
            assertThat(mailsTo(other + "@example.dk")).as("no mail to " + other).isEmpty();
        }
        var web = WebTestClient.bindToApplicationContext(context)
                .apply(springSecurity())
                .configureClient()
                .responseTimeout(java.time.Duration.ofSeconds(60))
                .build();
        web.mutateWith(PersonBuilder.citizen("match").login())
                .get()
                .uri("/min-side")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(html -> assertThat(html)
                        .contains(
                                "Nye forsøg, der passer til din profil",
                                "href=\"/forsoeg/" + trialId + "\"",
                                "Et nyt forsøg blev sammenlignet med din profil og passede"));
        web.mutateWith(PersonBuilder.citizen("wrong-area").login())
                .get()
                .uri("/min-side")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(html -> assertThat(html)
                        .contains("Der er endnu ingen nye forsøg")
                        .doesNotContain("/forsoeg/" + trialId));

        publish("m-t2d", "Weekly semaglutide for adults with type 2 diabetes, now in Aarhus", "recruiting");
        awaitMatched();
        assertThat(told(trialId)).as("never the same trial twice").hasSize(2);
        assertThat(count(mailRows)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM audit_event WHERE action = 'profile-matched' AND resource = "
                        + "'ResearchStudy/" + trialId + "'"))
                .isEqualTo(2);
    }

    @Test
    void aMailServerOutageDelaysTheMailButNeverLosesIt() throws Exception {
        save("outage", List.of("lung"), 60, "8000", AARHUS_8000, 30, "outage@example.dk");
        EmbeddedPlatform.stopMailServer();
        try {
            publish(
                    "m-copd",
                    "Pulmonary rehabilitation at home for COPD",
                    "recruiting",
                    "Chronic Obstructive Pulmonary Disease",
                    "DJ44");
            awaitMatched();
            await(
                    () -> count(mailOf("outage") + " AND attempts >= 2 AND sent_at IS NULL") == 1,
                    "the mail is tried and kept while the server is down");
        } finally {
            EmbeddedPlatform.startMailServer();
        }
        await(
                () -> count(mailOf("outage") + " AND sent_at IS NOT NULL") == 1,
                "the mail is sent once the server is back");
        assertThat(mailsTo("outage@example.dk")).hasSize(1);
        Eventually.holdsFor(
                Duration.ofMillis(1500), () -> mailsTo("outage@example.dk").size() == 1, "sent once, not again");
    }

    private void save(
            String subject, List<String> areas, int age, String postalCode, Position home, int km, String email) {
        profiles.save(
                        subject,
                        new InterestProfile.Details(areas, age, "female", false, postalCode, home, km, true, email))
                .block();
    }

    private void publish(String key, String title, String status) {
        publish(key, title, status, "Type 2 diabetes", "DE11");
    }

    private void publish(String key, String title, String status, String condition, String code) {
        TrialBuilder.trial("SEARCH-" + key)
                .titled(title)
                .plainTitle(title, title + " (da)")
                .status(status)
                .condition(condition, CodeSystems.SKS_DIAGNOSES, code)
                .ages(18, 75)
                .healthyVolunteers(false)
                .interventional()
                .starting("2026-01-01")
                .at(TrialBuilder.AARHUS)
                .publish(port, issuer);
    }

    private void awaitMatched() {
        await(
                () -> outbox.backlog("profile-matcher", "ResearchStudy").block() == 0,
                "the matcher took every trial change");
    }

    private List<String> told(String trialId) {
        return database.sql("SELECT p.subject FROM person_notification n JOIN person p ON p.id = n.person_id "
                        + "WHERE n.trial_id = :trial")
                .bind("trial", trialId)
                .map(row -> row.get(0, String.class))
                .all()
                .collectList()
                .block();
    }

    private static String mailOf(String subject) {
        return "SELECT count(*) FROM mail m JOIN person p ON m.recipient_kind = 'profile' AND m.recipient_id = p.id::text "
                + "WHERE p.subject = '" + subject + "'";
    }

    private String trialId(String title) {
        return database.sql("SELECT id FROM trial WHERE title = :title")
                .bind("title", title)
                .map(row -> row.get(0, String.class))
                .one()
                .block();
    }

    private static List<MimeMessage> mailsTo(String address) {
        return EmbeddedPlatform.sharedRunning().mail().received().stream()
                .filter(mail -> {
                    try {
                        return mail.getAllRecipients()[0].toString().equals(address);
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    private long count(String query) {
        return database.sql(query).map(row -> row.get(0, Long.class)).one().block();
    }
}
