package dk.trialport.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dk.trialport.recruitment.application.KeepingProfile;
import dk.trialport.recruitment.model.InterestProfile;
import dk.trialport.recruitment.model.Position;
import dk.trialport.support.Browser;
import dk.trialport.support.TrialportIntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The workspace in a real browser: an investigator logs in at the identity provider, creates a trial, sees an error
 * beside its field, saves a draft, sees the feasibility count, publishes it and finds it on the public trial page;
 * investigator2 of another organization cannot open it; the administrator's page. Every workspace page type is
 * screenshot and checked with axe-core against WCAG 2.1 AA.
 */
@TrialportIntegrationTest
class WorkspaceBrowserIT {

  @RegisterExtension static final Browser browser = new Browser();

  @LocalServerPort int port;
  @Value("${trialport.identity.issuer}") String issuer;
  @Autowired KeepingProfile profiles;

  @Test
  void anInvestigatorCreatesDraftsAndPublishesATrialThatAnotherTeamCannotOpen() {
    for (var subject : List.of("volunteer-1", "volunteer-2")) {
      profiles.save(subject, new InterestProfile.Details(List.of("diabetes"), 50, "female", false, "2100",
          new Position(55.707, 12.575), 40, true, null)).block();
    }
    browser.open(url("/arbejdsrum"));
    logIn("investigator");
    browser.awaitHeading("Arbejdsrum for forsøgshold");
    browser.check("workspace-01-home");

    browser.clickAndWait(browser.find(By.linkText("Opret nyt forsøg")));
    browser.awaitHeading("Opret forsøg");
    browser.check("workspace-02-new-trial");
    type("layTitleEn", "Weekly medicine for type 2 diabetes");
    type("titleEn", "Weekly semaglutide in type 2 diabetes: a randomised trial");
    type("contactName-0", "Hanne Berg");
    type("contactEmail-0", "hanne-at-example");
    browser.clickAndWait(button("draft"));
    assertThat(browser.find(By.id("layTitleDa-error")).getText()).contains("Udfyld feltet.");
    assertThat(browser.find(By.id("contactEmail-0-error")).getText()).contains("Skriv en gyldig e-mailadresse");
    assertThat(browser.find(By.id("titleEn")).getAttribute("value")).startsWith("Weekly semaglutide");
    browser.check("workspace-03-errors");

    type("layTitleDa", "Ugentlig medicin ved type 2-diabetes");
    browser.find(By.id("contactEmail-0")).clear();
    type("contactEmail-0", "hanne@example.dk");
    browser.find(By.id("condition-diabetes")).click();
    type("siteName-0", "Rigshospitalet, Endokrinologisk Klinik");
    type("siteLine-0", "Blegdamsvej 9");
    type("sitePostalCode-0", "2100");
    browser.clickAndWait(button("draft"));
    browser.awaitUrlContains("?gemt");
    var url = browser.driver().getCurrentUrl();
    var id = url.substring(url.indexOf("/forsoeg/") + "/forsoeg/".length(), url.indexOf('?'));
    assertThat(browser.find(By.id("feasibility-total")).getText()).isEqualTo("Færre end 5 frivillige passer til forsøget");
    browser.check("workspace-04-draft-with-feasibility");

    type("laySummaryDa", "Forsøget undersøger, om en ugentlig indsprøjtning hjælper.");
    browser.clickAndWait(button("publish"));
    browser.awaitUrlContains("?offentliggjort");
    browser.check("workspace-05-published");
    browser.open(url("/forsoeg/" + id));
    browser.awaitHeading("Ugentlig medicin ved type 2-diabetes");

    browser.open(url("/arbejdsrum?lang=en"));
    browser.awaitHeading("Workspace for trial teams");
    assertThat(browser.mainText()).contains("Weekly medicine for type 2 diabetes", "Published");
    browser.check("workspace-06-home-en");

    browser.driver().manage().deleteAllCookies();
    browser.open(url("/arbejdsrum/forsoeg/" + id));
    logIn("investigator2");
    browser.awaitHeading("Siden findes ikke");
    browser.open(url("/arbejdsrum"));
    assertThat(browser.mainText()).doesNotContain("Ugentlig medicin ved type 2-diabetes");
  }

  @Test
  void theAdministratorSeesTeamsAndMembers() {
    browser.open(url("/arbejdsrum/admin"));
    logIn("admin");
    browser.awaitHeading("Administration af forsøgshold");
    browser.clickAndWait(button("add-member"));
    browser.find(By.id("subject-error"));
    browser.check("workspace-07-admin-errors");
  }

  private void logIn(String user) {
    browser.find(By.id("login-form"));
    assertThat(browser.driver().getCurrentUrl()).startsWith(issuer);
    browser.find(By.id("username")).sendKeys(user);
    browser.find(By.id("password")).sendKeys(user);
    browser.clickAndWait(browser.find(By.id("login-submit")));
  }

  private void type(String id, String text) {
    browser.find(By.id(id)).sendKeys(text);
  }

  private org.openqa.selenium.WebElement button(String action) {
    return browser.find(By.cssSelector("button[value='" + action + "']"));
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
