package dk.trialport.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dk.trialport.recruitment.CandidateFixture;
import dk.trialport.recruitment.application.KeepingProfile;
import dk.trialport.recruitment.model.InterestProfile;
import dk.trialport.recruitment.model.Position;
import dk.trialport.support.Browser;
import dk.trialport.support.TrialportIntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An investigator's whole way in a real browser, logging in at the real identity provider, with a person on the
 * other side: the investigator creates a trial in the workspace (an error beside its field, a draft, the
 * feasibility count) and publishes it; a person finds it on its public page and registers interest; the team hears
 * of it by e-mail and sees the new candidate on the workspace home and in the candidate list (pseudonymous, no
 * contact details), writes to them, moves them to screening (an empty note is refused); the person reads the
 * message on My page, answers and shares their contact details; the investigator sees the answer and the contact
 * details and includes them. The workspace pages and My page again in English; investigator2 of another
 * organization can open neither the trial nor its candidates. Every page type is screenshot and checked with
 * axe-core against WCAG 2.1 AA.
 */
@TrialportIntegrationTest
class InvestigatorJourneyBrowserIT {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Value("${trialport.identity.issuer}")
    String issuer;

    @Autowired
    KeepingProfile profiles;

    @Test
    void anInvestigatorPublishesATrialAndTakesARegistrationThroughThePipeline() throws Exception {
        for (var subject : List.of("volunteer-1", "volunteer-2")) {
            profiles.save(
                            subject,
                            new InterestProfile.Details(
                                    List.of("diabetes"),
                                    50,
                                    "female",
                                    false,
                                    "2100",
                                    new Position(55.707, 12.575),
                                    40,
                                    true,
                                    null))
                    .block();
        }
        var title = "Ugentlig medicin ved type 2-diabetes";
        var teamAddress = "hanne@example.dk";
        var email = "patient.investigator-journey@example.dk";

        // The investigator logs in at the identity provider and creates a trial: an error beside its field first.
        browser.open(url("/arbejdsrum"));
        browser.find(By.id("login-form"));
        assertThat(browser.driver().getCurrentUrl()).startsWith(issuer);
        browser.logIn("investigator");
        browser.awaitHeading("Arbejdsrum for forsøgshold");
        browser.check("investigator-da-01-workspace-home");

        browser.clickAndWait(browser.find(By.linkText("Opret nyt forsøg")));
        browser.awaitHeading("Opret forsøg");
        // Fields as wide as what goes in them, the required ones marked, the workspace one click from the header.
        assertThat(browser.find(By.id("titleEn")).getSize().getWidth()).isGreaterThan(500);
        assertThat(browser.find(By.id("laySummaryDa")).getSize().getWidth()).isGreaterThan(500);
        assertThat(browser.find(By.cssSelector("label[for=layTitleDa]")).getText())
                .contains("(skal udfyldes)");
        assertThat(browser.find(By.id("layTitleDa")).getAttribute("aria-required"))
                .isEqualTo("true");
        assertThat(browser.find(By.cssSelector("label[for=layTitleEn]")).getText())
                .doesNotContain("(skal udfyldes)");
        assertThat(browser.find(By.cssSelector(".account-links")).getText()).contains("Arbejdsrum", "Min side");
        browser.check("investigator-da-02-new-trial");
        browser.type("layTitleEn", "Weekly medicine for type 2 diabetes");
        browser.type("titleEn", "Weekly semaglutide in type 2 diabetes: a randomised trial");
        browser.type("contactName-0", "Hanne Berg");
        browser.type("contactEmail-0", "hanne-at-example");
        browser.clickAndWait(action("draft"));
        assertThat(browser.find(By.id("layTitleDa-error")).getText()).contains("Udfyld feltet.");
        assertThat(browser.find(By.id("contactEmail-0-error")).getText()).contains("Skriv en gyldig e-mailadresse");
        assertThat(browser.find(By.id("titleEn")).getAttribute("value")).startsWith("Weekly semaglutide");
        browser.check("investigator-da-03-new-trial-errors");

        // Corrected, saved as a draft: fewer than 5 volunteers fit.
        browser.type("layTitleDa", title);
        browser.find(By.id("contactEmail-0")).clear();
        browser.type("contactEmail-0", teamAddress);
        browser.find(By.id("condition-diabetes")).click();
        browser.type("siteName-0", "Rigshospitalet, Endokrinologisk Klinik");
        browser.type("siteLine-0", "Blegdamsvej 9");
        browser.type("sitePostalCode-0", "2100");
        browser.clickAndWait(action("draft"));
        browser.awaitUrlContains("?gemt");
        var draftUrl = browser.driver().getCurrentUrl();
        var trialId = draftUrl.substring(draftUrl.indexOf("/forsoeg/") + "/forsoeg/".length(), draftUrl.indexOf('?'));
        assertThat(browser.find(By.id("feasibility-total")).getText())
                .isEqualTo("Færre end 5 frivillige passer til forsøget");
        browser.check("investigator-da-04-draft-with-feasibility");

        // Published.
        browser.type("laySummaryDa", "Forsøget undersøger, om en ugentlig indsprøjtning hjælper.");
        browser.clickAndWait(action("publish"));
        browser.awaitUrlContains("?offentliggjort");
        browser.check("investigator-da-05-published");

        // A person finds it on its public page and registers interest, contact by e-mail.
        browser.driver().manage().deleteAllCookies();
        browser.open(url("/forsoeg/" + trialId));
        browser.awaitHeading(title);
        browser.clickAndWait(browser.find(By.linkText("Tilmeld din interesse")));
        browser.logIn("patient");
        browser.awaitHeading("Tilmeld din interesse for forsøget");
        assertThat(browser.mainText()).contains(title);
        browser.find(By.id("consent")).click();
        browser.find(By.id("channel-email")).click();
        browser.type("email", email);
        browser.clickAndWait(browser.button("Tilmeld min interesse"));
        browser.awaitHeading("Din interesse er tilmeldt");

        // The registration arrives: a mail to the contact address the investigator gave, with a link and no personal
        // data, and a new candidate on the workspace home, whose count leads to the candidate list.
        var teamMail = CandidateFixture.awaitMails(teamAddress, 1);
        assertThat(teamMail).hasSize(1);
        assertThat(teamMail.getFirst().getSubject()).contains("Ny interessetilmelding");
        assertThat(CandidateFixture.text(teamMail.getFirst()))
                .contains("/arbejdsrum/forsoeg/" + trialId + "/kandidater")
                .doesNotContain(email);
        browser.switchUser(url("/arbejdsrum"), "investigator");
        browser.awaitHeading("Arbejdsrum for forsøgshold");
        var newCandidates = browser.find(By.cssSelector("a[aria-label='1 nye kandidater til " + title + "']"));
        assertThat(newCandidates.getText()).isEqualTo("1");
        browser.clickAndWait(newCandidates);
        browser.awaitHeading("Kandidater");
        var row = browser.find(By.cssSelector(".candidate-table tbody tr"));
        assertThat(row.getText())
                .startsWith("Kandidat ")
                .contains("Ny", "Ingen ulæste")
                .doesNotContain(email);
        browser.check("investigator-da-06-candidate-list");

        // The candidate: a label, no contact details.
        browser.clickAndWait(row.findElement(By.tagName("a")));
        var label = browser.h1();
        assertThat(label).matches("Kandidat [0-9A-F]{6}");
        assertThat(browser.mainText())
                .contains("Personen har endnu ikke delt sine kontaktoplysninger")
                .doesNotContain(email);
        browser.check("investigator-da-07-candidate");
        var candidatePage = browser.driver().getCurrentUrl();

        // A message, then screening.
        var question = "Vil du komme til en samtale på Rigshospitalet tirsdag?";
        browser.type("message", question);
        browser.clickAndWait(browser.button("Send besked"));
        assertThat(browser.find(By.cssSelector(".notice--success")).getText()).contains("Beskeden er sendt");
        setStatus("screening", "Screening");
        assertThat(browser.mainText()).contains(question);
        browser.check("investigator-da-08-candidate-message-and-screening");

        // An empty note shows its error at the field and in the summary.
        browser.clickAndWait(browser.button("Gem note"));
        assertThat(browser.find(By.cssSelector(".error-summary")).getText()).contains("Skriv en tekst.");
        assertThat(browser.find(By.id("note")).getAttribute("aria-invalid")).isEqualTo("true");
        browser.check("investigator-da-09-candidate-note-error");

        // The person reads the message on My page, marked new, answers and shares their contact details.
        browser.switchUser(url("/min-side"), "patient");
        browser.awaitHeading("Min side");
        var registration = browser.find(By.cssSelector(".registration"));
        assertThat(registration.getText())
                .contains(
                        title,
                        question,
                        "Dr. Mette Larsen, forsøgsholdet",
                        "Ny",
                        "Under vurdering",
                        "Forsøgsholdet kan ikke se dine kontaktoplysninger.");
        browser.check("investigator-da-10-my-page-message");
        var answer = "Ja, tirsdag passer mig fint.";
        registration.findElement(By.cssSelector("textarea[name=message]")).sendKeys(answer);
        browser.clickAndWait(browser.button("Send besked"));
        assertThat(browser.find(By.cssSelector(".notice--success")).getText())
                .isEqualTo("Din besked er sendt til forsøgsholdet.");
        assertThat(browser.find(By.cssSelector(".registration")).getText()).contains(answer);
        browser.check("investigator-da-11-my-page-answered");
        browser.clickAndWait(browser.button("Del mine kontaktoplysninger med forsøgsholdet"));
        assertThat(browser.find(By.cssSelector(".notice--success")).getText())
                .isEqualTo("Dine kontaktoplysninger er delt med forsøgsholdet.");
        assertThat(browser.find(By.cssSelector(".registration")).getText())
                .contains("Du delte dine kontaktoplysninger med forsøgsholdet")
                .contains(email);
        browser.check("investigator-da-12-my-page-contact-shared");

        // The investigator sees the answer, marked new, and the contact details, and includes the person.
        browser.switchUser(url("/arbejdsrum/forsoeg/" + trialId + "/kandidater"), "investigator");
        browser.awaitHeading("Kandidater");
        assertThat(browser.find(By.cssSelector(".candidate-table tbody tr")).getText())
                .contains("1 ulæste", "Screening");
        browser.open(candidatePage);
        browser.awaitHeading(label);
        assertThat(browser.mainText())
                .contains(answer, question)
                .doesNotContain("Personen har endnu ikke delt sine kontaktoplysninger");
        assertThat(browser.find(By.cssSelector(".shared-contact")).getText()).isEqualTo("E-mail: " + email);
        setStatus("included", "Inkluderet");
        browser.check("investigator-da-13-candidate-answer-contact-included");

        // The same pages in English.
        browser.open(candidatePage + "?lang=en");
        browser.awaitHeading(label.replace("Kandidat", "Candidate"));
        assertThat(browser.mainText()).contains("Messages with the person", answer);
        assertThat(statusShown()).isEqualTo("Included");
        assertThat(browser.find(By.cssSelector(".shared-contact")).getText()).isEqualTo("E-mail: " + email);
        browser.check("investigator-en-01-candidate");
        browser.open(url("/arbejdsrum/forsoeg/" + trialId + "/kandidater?lang=en"));
        browser.awaitHeading("Candidates");
        assertThat(browser.find(By.cssSelector(".candidate-table tbody tr")).getText())
                .contains("Included", "None unread");
        browser.check("investigator-en-02-candidate-list");
        browser.open(url("/arbejdsrum?lang=en"));
        browser.awaitHeading("Workspace for trial teams");
        assertThat(browser.mainText()).contains("Weekly medicine for type 2 diabetes", "Published");
        browser.check("investigator-en-03-workspace-home");
        browser.switchUser(url("/min-side?lang=en"), "patient");
        browser.open(url("/min-side?lang=en"));
        browser.awaitHeading("My page");
        assertThat(browser.find(By.cssSelector(".registration")).getText())
                .contains(
                        question,
                        answer,
                        "Dr. Mette Larsen, the trial team",
                        "Taking part",
                        "You shared your contact details with the trial team",
                        "Stop sharing my contact details");
        // Who saw the details: one line per who and what, behind a disclosure.
        browser.find(By.cssSelector(".access-log summary")).click();
        assertThat(browser.find(By.cssSelector(".access-log table")).getText())
                .contains("The trial team (Dr. Mette Larsen)", "The trial team wrote to you", "You", "Viewed My page");
        browser.check("investigator-en-04-my-page");

        // Another organization's investigator can open neither the trial nor its candidates.
        browser.switchUser(url("/arbejdsrum/forsoeg/" + trialId), "investigator2");
        browser.awaitHeading("Siden findes ikke");
        browser.open(url("/arbejdsrum/forsoeg/" + trialId + "/kandidater"));
        browser.awaitHeading("Siden findes ikke");
        browser.open(candidatePage);
        browser.awaitHeading("Siden findes ikke");
        browser.open(url("/arbejdsrum"));
        browser.awaitHeading("Arbejdsrum for forsøgshold");
        assertThat(browser.mainText()).doesNotContain(title);
    }

    @Test
    void theAdministratorSeesTeamsAndMembers() {
        browser.open(url("/arbejdsrum/admin"));
        browser.logIn("admin");
        browser.awaitHeading("Administration af forsøgshold");
        browser.clickAndWait(action("add-member"));
        browser.find(By.id("subject-error"));
        browser.check("workspace-admin-errors");

        // A parameter that says nothing was done (the language) shows no empty success box.
        browser.open(url("/arbejdsrum/admin?lang=da"));
        browser.awaitHeading("Administration af forsøgshold");
        assertThat(browser.driver().findElements(By.cssSelector(".notice--success")))
                .isEmpty();

        // On a phone the workspace's tables scroll in their own box; the page itself does not scroll sideways.
        browser.resize(390, 844);
        browser.open(url("/arbejdsrum"));
        browser.awaitHeading("Arbejdsrum for forsøgshold");
        assertThat(browser.scrollsSideways()).isFalse();
        browser.check("workspace-home-phone");
        browser.open(url("/arbejdsrum/admin"));
        browser.awaitHeading("Administration af forsøgshold");
        assertThat(browser.scrollsSideways()).isFalse();
        browser.check("workspace-admin-phone");
    }

    /** Moves the candidate on the open candidate page to another status, which the page then shows. */
    private void setStatus(String status, String shown) {
        new Select(browser.find(By.id("status"))).selectByValue(status);
        browser.clickAndWait(browser.button("Gem status"));
        assertThat(browser.find(By.cssSelector(".notice--success")).getText()).isEqualTo("Status er gemt.");
        assertThat(statusShown()).isEqualTo(shown);
    }

    /** The status the candidate page states (not the choices of its form). */
    private String statusShown() {
        return browser.find(By.cssSelector(".facts dd:nth-of-type(2)")).getText();
    }

    /** The workspace form's button for an action (its value). */
    private WebElement action(String value) {
        return browser.find(By.cssSelector("button[value='" + value + "']"));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
