package dk.trialport.recruitment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

import dk.trialport.identity.TrialTeams;
import dk.trialport.support.PersonBuilder;
import dk.trialport.support.TrialportIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
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
 * The trial team works its candidates against the real servers: the list, the candidate page, the pipeline
 * rules, notes, messages both ways with the e-mail that only says there is one, blind contact before and
 * after the person shares, the CSV screening log and its injection guard, withdrawal seen at once, another
 * organization's investigator kept out (404), the team's e-mail about a new candidate, and every access in the
 * person's own audit log.
 */
@TrialportIntegrationTest
class CandidatesIT {

    static final String ANNE_ADDRESS = "anne.candidate@example.dk";
    static final String ANNE_MESSAGE = "Jeg har haft brystkræft i 2019";

    @Autowired
    ApplicationContext context;

    @Autowired
    DatabaseClient database;

    @Autowired
    TrialTeams teams;

    @LocalServerPort
    int port;

    @Value("${trialport.identity.issuer}")
    String issuer;

    WebTestClient web;
    String trialId;

    @BeforeEach
    void aTrialOfTheTeam() {
        web = WebTestClient.bindToApplicationContext(context)
                .apply(springSecurity())
                .configureClient()
                .responseTimeout(java.time.Duration.ofSeconds(60))
                .build();
        if (trialId == null) {
            trialId = database.sql("SELECT trial_id FROM trial_team")
                    .map(row -> row.get(0, String.class))
                    .one()
                    .block();
        }
        if (trialId == null) {
            trialId = CandidateFixture.trialOfTheTeam(port, issuer, teams);
        }
    }

    @Test
    void theTeamWorksACandidateWhoTalksBackSharesContactAndWithdraws() throws Exception {
        var anne = person("anne-candidate");
        var teamMailsBefore =
                CandidateFixture.mailsTo(CandidateFixture.TEAM_ADDRESS).size();
        anne.mutateWith(csrf())
                .post()
                .uri("/forsoeg/{id}/interesse", trialId)
                .body(BodyInserters.fromFormData(form(
                        "consent",
                        "yes",
                        "channel",
                        "email",
                        "email",
                        ANNE_ADDRESS,
                        "phone",
                        "",
                        "message",
                        ANNE_MESSAGE)))
                .exchange()
                .expectStatus()
                .is3xxRedirection();
        var id = registrationId("anne-candidate");
        var label = "Kandidat " + id.toString().replace("-", "").substring(0, 6).toUpperCase();

        // The team hears of it by e-mail at the trial's contact address: a link, no personal data.
        var teamMail = CandidateFixture.awaitMails(CandidateFixture.TEAM_ADDRESS, teamMailsBefore + 1);
        assertThat(teamMail).hasSize(teamMailsBefore + 1);
        assertThat(teamMail.getLast().getSubject()).contains("Ny interessetilmelding");
        assertThat(CandidateFixture.text(teamMail.getLast()))
                .contains("http://localhost:8080/arbejdsrum/forsoeg/" + trialId + "/kandidater")
                .doesNotContain(ANNE_ADDRESS, ANNE_MESSAGE, "anne");

        // The list: pseudonymous, new, nothing unread; never the contact details.
        var mette = investigator("mette", "Dr. Mette Larsen", CandidateFixture.TEAM);
        mette.get()
                .uri("/arbejdsrum/forsoeg/{id}/kandidater", trialId)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(html -> assertThat(html)
                        .contains(
                                label,
                                ">Ny<",
                                "Ingen ulæste",
                                "href=\"/arbejdsrum/kandidater/" + id + "\"",
                                "href=\"/arbejdsrum\"")
                        .doesNotContain(ANNE_ADDRESS));

        // The page: blind contact until the person shares.
        mette.get()
                .uri("/arbejdsrum/kandidater/{id}", id)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(html -> assertThat(html)
                        .contains(label, "Personen har endnu ikke delt sine kontaktoplysninger", ANNE_MESSAGE)
                        .doesNotContain(ANNE_ADDRESS));

        // The pipeline: screening yes; withdrawn is the person's alone.
        post(mette, "/arbejdsrum/kandidater/" + id + "/status", "status", "screening")
                .expectStatus()
                .is3xxRedirection()
                .expectHeader()
                .valueEquals("Location", "/arbejdsrum/kandidater/" + id + "?flyttet");
        assertThat(status(id)).isEqualTo("screening");
        post(mette, "/arbejdsrum/kandidater/" + id + "/status", "status", "withdrawn")
                .expectStatus()
                .isEqualTo(409);
        post(mette, "/arbejdsrum/kandidater/" + id + "/status", "status", "nonsense")
                .expectStatus()
                .isBadRequest();
        assertThat(status(id)).isEqualTo("screening");

        // Notes: encrypted at rest, shown with author and time; an empty one is refused at its field.
        post(mette, "/arbejdsrum/kandidater/" + id + "/noter", "note", "=HYPERLINK(\"http://evil\";\"klik\")")
                .expectStatus()
                .is3xxRedirection();
        post(mette, "/arbejdsrum/kandidater/" + id + "/noter", "note", "   ")
                .expectStatus()
                .isBadRequest()
                .expectBody(String.class)
                .value(html -> assertThat(html).contains("id=\"note-error\"", "Skriv en tekst."));
        assertThat(new String(
                        database.sql("SELECT body_encrypted FROM candidate_note")
                                .map(row -> row.get(0, byte[].class))
                                .one()
                                .block(),
                        StandardCharsets.ISO_8859_1))
                .doesNotContain("HYPERLINK");

        // A message: the person is told by e-mail that there is one, never what it says.
        var question = "Kan du komme til en samtale tirsdag kl. 10?";
        post(mette, "/arbejdsrum/kandidater/" + id + "/beskeder", "message", question)
                .expectStatus()
                .is3xxRedirection();
        var personMail = CandidateFixture.awaitMails(ANNE_ADDRESS, 1);
        assertThat(personMail).hasSize(1);
        assertThat(personMail.getFirst().getSubject()).contains("Du har en ny besked");
        assertThat(CandidateFixture.text(personMail.getFirst()))
                .contains("http://localhost:8080/min-side")
                .doesNotContain(question, "Mette");

        // My page: the message, marked new the first time; the person answers.
        anne.get()
                .uri("/min-side")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(html -> assertThat(html)
                        .contains(
                                question,
                                "Dr. Mette Larsen, forsøgsholdet",
                                "<span class=\"tag\">Ny</span>",
                                "Forsøgsholdet (Dr. Mette Larsen)",
                                "Forsøgsholdet så din tilmelding",
                                "Forsøgsholdet ændrede din status",
                                "Forsøgsholdet skrev til dig",
                                "Forsøgsholdet så listen over kandidater"));
        anne.get()
                .uri("/min-side")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(html -> assertThat(html).contains(question).doesNotContain("<span class=\"tag\">Ny</span>"));
        var answer = "Ja, det passer fint.";
        post(anne, "/min-side/tilmeldinger/" + id + "/beskeder", "message", answer)
                .expectStatus()
                .is3xxRedirection();
        post(anne, "/min-side/tilmeldinger/" + id + "/beskeder", "message", "")
                .expectStatus()
                .is3xxRedirection()
                .expectHeader()
                .valueMatches("Location", ".*beskedFejl=" + id + ".*");
        mette.get()
                .uri("/arbejdsrum/forsoeg/{id}/kandidater", trialId)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(html -> assertThat(html).contains("1 ulæste"));
        mette.get()
                .uri("/arbejdsrum/kandidater/{id}", id)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(html -> assertThat(html).contains(answer, question, "Dr. Mette Larsen"));
        mette.get()
                .uri("/arbejdsrum/forsoeg/{id}/kandidater", trialId)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(html -> assertThat(html).contains("Ingen ulæste"));

        // The CSV before sharing: no contact; the formula is defused.
        var before = csv(mette);
        assertThat(before)
                .startsWith("\uFEFF\"Kandidat\";\"Tilmeldt\";\"Status\"")
                .contains("\r\n")
                .contains(
                        "\"" + label + "\"",
                        "\"Screening\"",
                        "\"1\"",
                        "\"'=HYPERLINK(\"\"http://evil\"\";\"\"klik\"\")\"")
                .doesNotContain(ANNE_ADDRESS);

        // Sharing contact details: a consent event with its version; the team sees them until it is taken back.
        post(anne, "/min-side/tilmeldinger/" + id + "/kontakt/del")
                .expectStatus()
                .is3xxRedirection();
        assertThat(database.sql("SELECT kind || ' ' || text_version FROM consent_event WHERE kind LIKE 'contact%'")
                        .map(row -> row.get(0, String.class))
                        .all()
                        .collectList()
                        .block())
                .containsExactly("contact-shared contact-2026-11");
        mette.get()
                .uri("/arbejdsrum/kandidater/{id}", id)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(html -> assertThat(html).contains("E-mail: " + ANNE_ADDRESS));
        assertThat(csv(mette)).contains("\"E-mail\";\"" + ANNE_ADDRESS + "\"");
        anne.get()
                .uri("/min-side")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(html -> assertThat(html)
                        .contains(
                                "Stop med at dele mine kontaktoplysninger",
                                "Delte sine kontaktoplysninger med forsøgsholdet",
                                "Forsøgsholdet hentede screeningsloggen"));
        post(anne, "/min-side/tilmeldinger/" + id + "/kontakt/stop")
                .expectStatus()
                .is3xxRedirection();
        mette.get()
                .uri("/arbejdsrum/kandidater/{id}", id)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(html -> assertThat(html).doesNotContain(ANNE_ADDRESS));

        // The export holds the messages.
        anne.get()
                .uri("/min-side/eksport")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(body -> assertThat(body).contains("\"messages\"", question, answer, "contact-unshared"));

        // Withdrawal shows at once; the team can no longer move or write to the person.
        post(anne, "/min-side/tilmeldinger/" + id + "/tilbagetraek")
                .expectStatus()
                .is3xxRedirection();
        mette.get()
                .uri("/arbejdsrum/forsoeg/{id}/kandidater", trialId)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(html -> assertThat(html).contains("Trukket tilbage af personen"));
        mette.get()
                .uri("/arbejdsrum/kandidater/{id}", id)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(html -> assertThat(html)
                        .contains("Personen trak sin interesse tilbage")
                        .doesNotContain("name=\"status\"", "name=\"message\"", ANNE_ADDRESS));
        post(mette, "/arbejdsrum/kandidater/" + id + "/status", "status", "included")
                .expectStatus()
                .isEqualTo(409);
        post(mette, "/arbejdsrum/kandidater/" + id + "/beskeder", "message", "Hallo?")
                .expectStatus()
                .isEqualTo(409);
        assertThat(status(id)).isEqualTo("withdrawn");

        // Deleting the account deletes the messages and notes with it.
        anne.mutateWith(csrf())
                .post()
                .uri("/min-side/slet")
                .body(org.springframework.web.reactive.function.BodyInserters.fromFormData("confirm", "yes"))
                .exchange()
                .expectStatus()
                .isOk();
        assertThat(count("candidate_message")).isZero();
        assertThat(count("candidate_note")).isZero();
    }

    @Test
    void anotherOrganizationsInvestigatorGetsNotFoundEverywhere() {
        person("bob-candidate")
                .mutateWith(csrf())
                .post()
                .uri("/forsoeg/{id}/interesse", trialId)
                .body(BodyInserters.fromFormData(
                        form("consent", "yes", "channel", "portal", "email", "", "phone", "", "message", "")))
                .exchange()
                .expectStatus()
                .is3xxRedirection();
        var id = registrationId("bob-candidate");
        var soeren = investigator("soeren", "Dr. Søren Holm", CandidateFixture.OTHER_TEAM);
        soeren.get()
                .uri("/arbejdsrum/forsoeg/{id}/kandidater", trialId)
                .exchange()
                .expectStatus()
                .isNotFound();
        soeren.get()
                .uri("/arbejdsrum/forsoeg/{id}/kandidater.csv", trialId)
                .exchange()
                .expectStatus()
                .isNotFound();
        soeren.get()
                .uri("/arbejdsrum/kandidater/{id}", id)
                .exchange()
                .expectStatus()
                .isNotFound();
        post(soeren, "/arbejdsrum/kandidater/" + id + "/status", "status", "contacted")
                .expectStatus()
                .isNotFound();
        post(soeren, "/arbejdsrum/kandidater/" + id + "/beskeder", "message", "Hej")
                .expectStatus()
                .isNotFound();
        post(soeren, "/arbejdsrum/kandidater/" + id + "/noter", "note", "Hej")
                .expectStatus()
                .isNotFound();
        person("bob-candidate")
                .get()
                .uri("/arbejdsrum/forsoeg/{id}/kandidater", trialId)
                .exchange()
                .expectStatus()
                .isForbidden();
        // Another person cannot answer or share on someone else's registration.
        post(person("eve-candidate"), "/min-side/tilmeldinger/" + id + "/beskeder", "message", "Hej")
                .expectStatus()
                .isNotFound();
        post(person("eve-candidate"), "/min-side/tilmeldinger/" + id + "/kontakt/del")
                .expectStatus()
                .isNotFound();
        assertThat(status(id)).isEqualTo("received");
        assertThat(database.sql("SELECT count(*) FROM candidate_message WHERE registration_id = :id")
                        .bind("id", id)
                        .map(row -> row.get(0, Long.class))
                        .one()
                        .block())
                .isZero();
        assertThat(database.sql("SELECT count(*) FROM audit_event WHERE actor = 'Dr. Søren Holm'")
                        .map(row -> row.get(0, Long.class))
                        .one()
                        .block())
                .as("nothing was read, so nothing is logged")
                .isZero();

        // An administrator may act for every trial.
        web.mutateWith(PersonBuilder.administrator("admin").named("Admin").login())
                .get()
                .uri("/arbejdsrum/kandidater/{id}", id)
                .exchange()
                .expectStatus()
                .isOk();
    }

    private WebTestClient person(String subject) {
        return web.mutateWith(PersonBuilder.citizen(subject).login());
    }

    private WebTestClient investigator(String subject, String name, String organization) {
        return web.mutateWith(
                PersonBuilder.investigator(subject, organization).named(name).login());
    }

    private WebTestClient.ResponseSpec post(WebTestClient client, String path, String... fields) {
        return client.mutateWith(csrf())
                .post()
                .uri(path)
                .body(BodyInserters.fromFormData(form(fields)))
                .exchange();
    }

    private String csv(WebTestClient client) {
        var body = client.get()
                .uri("/arbejdsrum/forsoeg/{id}/kandidater.csv", trialId)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentType("text/csv;charset=UTF-8")
                .expectHeader()
                .valueMatches("Content-Disposition", "attachment; filename=\"kandidater-.*\\.csv\"")
                .expectBody(byte[].class)
                .returnResult()
                .getResponseBody();
        return new String(body, StandardCharsets.UTF_8);
    }

    private static LinkedMultiValueMap<String, String> form(String... fields) {
        var form = new LinkedMultiValueMap<String, String>();
        for (int i = 0; i + 1 < fields.length; i += 2) {
            form.add(fields[i], fields[i + 1]);
        }
        return form;
    }

    private UUID registrationId(String subject) {
        return database.sql("SELECT r.id FROM interest_registration r JOIN person p ON p.id = r.person_id "
                        + "WHERE p.subject = :subject")
                .bind("subject", subject)
                .map(row -> row.get(0, UUID.class))
                .one()
                .block();
    }

    private String status(UUID id) {
        return database.sql("SELECT status FROM interest_registration WHERE id = :id")
                .bind("id", id)
                .map(row -> row.get(0, String.class))
                .one()
                .block();
    }

    private long count(String table) {
        return database.sql("SELECT count(*) FROM " + table)
                .map(row -> row.get(0, Long.class))
                .one()
                .block();
    }
}
