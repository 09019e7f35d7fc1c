package dk.trialport.web;

import static org.assertj.core.api.Assertions.assertThat;

import dk.trialport.identity.TrialTeams;
import dk.trialport.recruitment.CandidateFixture;
import dk.trialport.support.Browser;
import dk.trialport.support.TrialportIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A person and a trial team talk through the platform in a real browser, logging in at the real identity
 * provider: the person registers interest in a trial run by the investigator's team; the investigator sees
 * the candidate (pseudonymous, no contact details), writes to them and moves them to screening; the person
 * reads the message on My page and answers; the investigator reads the answer. Every page is screenshot and
 * checked with axe-core (WCAG 2.1 AA), in Danish, and the workspace pages and My page again in English.
 */
@TrialportIntegrationTest
class CandidatesBrowserIT {

  @RegisterExtension static final Browser browser = new Browser();

  @LocalServerPort int port;
  @Value("${trialport.identity.issuer}") String issuer;
  @Autowired TrialTeams teams;

  @Test
  void theTeamAndThePersonTalkThroughThePlatform() {
    var trialId = CandidateFixture.trialOfTheTeam(port, issuer, teams);
    var email = "patient.candidates@example.dk";

    // The person registers interest, contact by e-mail.
    browser.open(url("/forsoeg/" + trialId + "/interesse"));
    login("patient");
    browser.awaitHeading("Tilmeld din interesse for forsøget");
    browser.find(By.id("consent")).click();
    browser.find(By.id("channel-email")).click();
    browser.find(By.id("email")).sendKeys(email);
    browser.clickAndWait(button("Tilmeld min interesse"));
    browser.awaitHeading("Din interesse er tilmeldt");

    // The investigator sees the candidate: a label, new, no contact details.
    switchUser("/arbejdsrum/forsoeg/" + trialId + "/kandidater", "investigator");
    browser.awaitHeading("Kandidater");
    var row = browser.find(By.cssSelector(".candidate-table tbody tr"));
    assertThat(row.getText()).startsWith("Kandidat ").contains("Ny", "Ingen ulæste").doesNotContain(email);
    browser.check("candidates-da-01-list");
    browser.clickAndWait(row.findElement(By.tagName("a")));
    var label = browser.h1();
    assertThat(label).matches("Kandidat [0-9A-F]{6}");
    assertThat(browser.mainText()).contains("Personen har endnu ikke delt sine kontaktoplysninger").doesNotContain(email);
    browser.check("candidates-da-02-candidate");

    // A message, then screening.
    var question = "Vil du komme til en samtale på Rigshospitalet tirsdag?";
    browser.find(By.id("message")).sendKeys(question);
    browser.clickAndWait(button("Send besked"));
    assertThat(browser.find(By.cssSelector(".notice--success")).getText()).contains("Beskeden er sendt");
    new Select(browser.find(By.id("status"))).selectByValue("screening");
    browser.clickAndWait(button("Gem status"));
    assertThat(browser.find(By.cssSelector(".notice--success")).getText()).isEqualTo("Status er gemt.");
    assertThat(browser.mainText()).contains(question, "Screening");
    browser.check("candidates-da-03-message-and-screening");
    var candidatePage = browser.driver().getCurrentUrl().replaceAll("\\?.*", "");

    // An empty note shows its error at the field and in the summary.
    browser.clickAndWait(button("Gem note"));
    assertThat(browser.find(By.cssSelector(".error-summary")).getText()).contains("Skriv en tekst.");
    assertThat(browser.find(By.id("note")).getAttribute("aria-invalid")).isEqualTo("true");
    browser.check("candidates-da-04-note-error");

    // The person reads it on My page, marked new, and answers.
    switchUser("/min-side", "patient");
    browser.awaitHeading("Min side");
    var registration = browser.find(By.cssSelector(".registration"));
    assertThat(registration.getText()).contains(question, "Dr. Mette Larsen, forsøgsholdet", "Ny", "Under vurdering");
    browser.check("candidates-da-05-my-page-message");
    var answer = "Ja, tirsdag passer mig fint.";
    registration.findElement(By.cssSelector("textarea[name=message]")).sendKeys(answer);
    browser.clickAndWait(button("Send besked"));
    assertThat(browser.find(By.cssSelector(".notice--success")).getText())
        .isEqualTo("Din besked er sendt til forsøgsholdet.");
    assertThat(browser.find(By.cssSelector(".registration")).getText()).contains(answer);
    browser.check("candidates-da-06-my-page-answered");

    // The investigator sees the answer, marked new on the list and on the page.
    switchUser("/arbejdsrum/forsoeg/" + trialId + "/kandidater", "investigator");
    assertThat(browser.find(By.cssSelector(".candidate-table tbody tr")).getText()).contains("1 ulæste", "Screening");
    browser.open(candidatePage);
    browser.awaitHeading(label);
    assertThat(browser.mainText()).contains(answer, question);
    browser.check("candidates-da-07-answer");

    // The same pages in English.
    browser.open(candidatePage + "?lang=en");
    browser.awaitHeading(label.replace("Kandidat", "Candidate"));
    assertThat(browser.mainText()).contains("Messages with the person", answer);
    browser.check("candidates-en-01-candidate");
    browser.open(url("/arbejdsrum/forsoeg/" + trialId + "/kandidater?lang=en"));
    browser.awaitHeading("Candidates");
    assertThat(browser.find(By.cssSelector(".candidate-table tbody tr")).getText()).contains("Screening", "None unread");
    browser.check("candidates-en-02-list");
    switchUser("/min-side?lang=en", "patient");
    browser.open(url("/min-side?lang=en"));
    browser.awaitHeading("My page");
    assertThat(browser.find(By.cssSelector(".registration")).getText())
        .contains(question, answer, "Dr. Mette Larsen, the trial team", "Share my contact details with the trial team");
    assertThat(browser.mainText()).contains("Dr. Mette Larsen (investigator)", "The trial team wrote to you");
    browser.check("candidates-en-03-my-page");
  }

  /** Logs out of the portal and the identity provider (both keep their cookies on localhost), then logs in as another. */
  private void switchUser(String path, String user) {
    browser.driver().manage().deleteAllCookies();
    browser.open(url(path));
    login(user);
  }

  private void login(String user) {
    browser.find(By.id("login-form"));
    browser.find(By.id("username")).sendKeys(user);
    browser.find(By.id("password")).sendKeys(user);
    browser.clickAndWait(browser.find(By.id("login-submit")));
  }

  private WebElement button(String text) {
    return browser.find(By.xpath("//button[normalize-space()='" + text + "']"));
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
