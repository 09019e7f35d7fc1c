package dk.trialport.portal;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dk.trialport.catalogue.Outbox;
import dk.trialport.support.Browser;
import dk.trialport.support.TrialportIntegrationTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A person's whole way through the portal in a real browser, in Danish and in English: search from the front
 * page, a trial, register interest after logging in at the real identity provider, the receipt, My page,
 * withdraw, export, delete. Every page type is screenshot (target/screenshots/) and checked with axe-core
 * against WCAG 2.1 AA, also with its error messages shown.
 */
@TrialportIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PatientJourneyBrowserIT {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Value("${trialport.identity.issuer}")
    String issuer;

    @Autowired
    Outbox outbox;

    @Autowired
    ElasticsearchClient elasticsearch;

    /** What the person sees, in each language. Each language has its own demo user, so the runs are independent. */
    enum Language {
        DANISH(
                "da",
                "patient",
                "sukkersyge",
                "3 forsøg fundet",
                "Find et klinisk forsøg",
                "Vis forsøg",
                "Skriv din alder som et helt tal mellem 0 og 130.",
                "Ugentlig medicin til voksne med type 2-diabetes",
                "Tilmeld din interesse",
                "Tilmeld din interesse for forsøget",
                "Der er en fejl i det, du har skrevet",
                "Sæt kryds for at give samtykke. Uden samtykke kan vi ikke dele dine oplysninger.",
                "Skriv en gyldig e-mailadresse, fx navn@eksempel.dk.",
                "Tilmeld min interesse",
                "Din interesse er tilmeldt",
                "Gå til Min side",
                "Min side",
                "Modtaget",
                "Træk min interesse tilbage",
                "Din interesse er trukket tilbage. Forsøgsholdet kan se, at du har trukket dig.",
                "Trukket tilbage",
                "Slet min konto og mine data",
                "Din konto og dine data er slettet",
                "Du har ikke tilmeldt dig nogen forsøg.",
                "Tilgængelighedserklæring",
                "Siden findes ikke"),
        ENGLISH(
                "en",
                "patient2",
                "diabetes",
                "3 trials found",
                "Find a clinical trial",
                "Show trials",
                "Enter your age as a whole number between 0 and 130.",
                "Weekly medicine for adults with type 2 diabetes",
                "Register your interest",
                "Register your interest in the trial",
                "There is a problem with what you entered",
                "Tick the box to give consent. Without consent we cannot share your details.",
                "Enter a valid e-mail address, e.g. name@example.dk.",
                "Register my interest",
                "Your interest is registered",
                "Go to My page",
                "My page",
                "Received",
                "Withdraw my interest",
                "Your interest is withdrawn. The trial team can see that you have withdrawn.",
                "Withdrawn",
                "Delete my account and my data",
                "Your account and your data are deleted",
                "You have not registered for any trials.",
                "Accessibility statement",
                "Page not found");

        final String code;
        final String user;
        final String searchWord;
        final String found;
        final String frontHeading;
        final String applyFilters;
        final String ageError;
        final String trialTitle;
        final String interestButton;
        final String interestHeading;
        final String errorSummary;
        final String consentError;
        final String emailError;
        final String submit;
        final String receiptHeading;
        final String toMyPage;
        final String myPageHeading;
        final String received;
        final String withdraw;
        final String withdrawnNotice;
        final String withdrawn;
        final String delete;
        final String deletedHeading;
        final String noRegistrations;
        final String accessibilityHeading;
        final String notFoundHeading;

        Language(
                String code,
                String user,
                String searchWord,
                String found,
                String frontHeading,
                String applyFilters,
                String ageError,
                String trialTitle,
                String interestButton,
                String interestHeading,
                String errorSummary,
                String consentError,
                String emailError,
                String submit,
                String receiptHeading,
                String toMyPage,
                String myPageHeading,
                String received,
                String withdraw,
                String withdrawnNotice,
                String withdrawn,
                String delete,
                String deletedHeading,
                String noRegistrations,
                String accessibilityHeading,
                String notFoundHeading) {
            this.code = code;
            this.user = user;
            this.searchWord = searchWord;
            this.found = found;
            this.frontHeading = frontHeading;
            this.applyFilters = applyFilters;
            this.ageError = ageError;
            this.trialTitle = trialTitle;
            this.interestButton = interestButton;
            this.interestHeading = interestHeading;
            this.errorSummary = errorSummary;
            this.consentError = consentError;
            this.emailError = emailError;
            this.submit = submit;
            this.receiptHeading = receiptHeading;
            this.toMyPage = toMyPage;
            this.myPageHeading = myPageHeading;
            this.received = received;
            this.withdraw = withdraw;
            this.withdrawnNotice = withdrawnNotice;
            this.withdrawn = withdrawn;
            this.delete = delete;
            this.deletedHeading = deletedHeading;
            this.noRegistrations = noRegistrations;
            this.accessibilityHeading = accessibilityHeading;
            this.notFoundHeading = notFoundHeading;
        }
    }

    @BeforeAll
    void publishTrials() {
        PortalFixture.publish(port, issuer, PortalFixture.CATALOGUE);
        PortalFixture.awaitIndexed(outbox, elasticsearch);
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void aPersonFindsATrialRegistersInterestWithdrawsExportsAndDeletes(Language language) throws Exception {
        var shot = "journey-" + language.code + "-";
        var email = language.user + "@example.dk";
        var message = "Jeg har haft type 2-diabetes i 10 år / I have had type 2 diabetes for 10 years";

        // The front page, in the chosen language (remembered from here on).
        browser.open(url("/" + (language == Language.DANISH ? "" : "?lang=en")));
        browser.awaitHeading(language.frontHeading);
        assertThat(browser.find(By.tagName("html")).getAttribute("lang")).isEqualTo(language.code);
        browser.check(shot + "01-front-page");

        // Search through the form.
        browser.find(By.id("q")).sendKeys(language.searchWord);
        browser.clickAndWait(browser.find(By.cssSelector("form.search-form button[type=submit]")));
        assertThat(browser.find(By.id("results-heading")).getText()).isEqualTo(language.found);
        assertThat(texts(By.cssSelector(".result-card__title a"))).contains(language.trialTitle);
        browser.check(shot + "02-search-results");

        // A filter with a bad value: the error shows in the summary and next to the field.
        browser.find(By.id("age")).sendKeys("old");
        browser.clickAndWait(browser.button(language.applyFilters));
        assertThat(browser.find(By.cssSelector(".error-summary")).getText()).contains(language.ageError);
        assertThat(browser.find(By.id("age-error")).getText()).contains(language.ageError);
        assertThat(browser.find(By.id("age")).getAttribute("aria-invalid")).isEqualTo("true");
        browser.check(shot + "03-search-error");
        browser.find(By.id("age")).clear();
        browser.find(By.id("age")).sendKeys("54");
        browser.clickAndWait(browser.button(language.applyFilters));
        assertThat(browser.driver().findElements(By.cssSelector(".error-summary")))
                .isEmpty();

        // The trial's page.
        browser.clickAndWait(browser.find(By.linkText(language.trialTitle)));
        browser.awaitHeading(language.trialTitle);
        browser.check(shot + "04-trial-page");

        // Registering interest needs a login at the identity provider.
        browser.clickAndWait(browser.find(By.linkText(language.interestButton)));
        browser.find(By.id("login-form"));
        assertThat(browser.driver().getCurrentUrl()).startsWith(issuer);
        browser.screenshot(shot + "05-login");
        browser.logIn(language.user);
        browser.awaitHeading(language.interestHeading);
        assertThat(browser.driver().getCurrentUrl())
                .startsWith(url("/forsoeg/"))
                .endsWith("/interesse");
        assertThat(browser.mainText()).contains(language.trialTitle);
        browser.check(shot + "06-interest-form");

        // Without consent and with a bad address: both errors, in the summary and at their fields.
        browser.find(By.id("channel-email")).click();
        browser.find(By.id("email")).sendKeys("not-an-address");
        browser.clickAndWait(browser.button(language.submit));
        var summary = browser.find(By.cssSelector(".error-summary"));
        assertThat(summary.getText()).contains(language.errorSummary, language.consentError, language.emailError);
        assertThat(browser.find(By.id("consent-error")).getText()).contains(language.consentError);
        assertThat(browser.find(By.id("email-error")).getText()).contains(language.emailError);
        assertThat(browser.find(By.id("email")).getAttribute("value")).isEqualTo("not-an-address");
        browser.check(shot + "07-interest-form-errors");

        // Corrected: consent, e-mail, a message.
        browser.find(By.id("consent")).click();
        assertThat(browser.find(By.id("channel-email")).isSelected()).isTrue();
        browser.find(By.id("email")).clear();
        browser.find(By.id("email")).sendKeys(email);
        browser.find(By.id("message")).sendKeys(message);
        browser.clickAndWait(browser.button(language.submit));
        browser.awaitHeading(language.receiptHeading);
        assertThat(browser.mainText()).contains(language.trialTitle);
        browser.check(shot + "08-receipt");

        // My page shows the registration and its status.
        browser.clickAndWait(browser.find(By.linkText(language.toMyPage)));
        browser.awaitHeading(language.myPageHeading);
        var registration = browser.find(By.cssSelector(".registration"));
        assertThat(registration.findElement(By.tagName("h3")).getText()).isEqualTo(language.trialTitle);
        assertThat(registration.getText()).contains(language.received, email, message);
        assertThat(browser.driver().findElements(By.cssSelector(".notice"))).isEmpty();
        browser.check(shot + "09-my-page");

        // Withdrawing takes one click.
        browser.clickAndWait(browser.button(language.withdraw));
        browser.awaitHeading(language.myPageHeading);
        assertThat(browser.find(By.cssSelector(".notice")).getText()).isEqualTo(language.withdrawnNotice);
        registration = browser.find(By.cssSelector(".registration"));
        // Withdrawal takes effect at once: the contact details and the message are gone.
        assertThat(registration.getText())
                .contains(language.withdrawn)
                .doesNotContain(language.received, email, message);
        assertThat(registration.findElements(By.tagName("button"))).isEmpty();
        browser.check(shot + "10-my-page-withdrawn");

        // The export, fetched with the browser's login.
        var export = get("/min-side/eksport");
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(export.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(disposition -> assertThat(disposition)
                        .matches("attachment; filename=\"trialport-mine-data-\\d{4}-\\d{2}-\\d{2}\\.json\""));
        assertThat(export.body())
                .contains(
                        "\"interestRegistrations\"",
                        "\"WITHDRAWN\"",
                        "\"consents\"",
                        "interest-registered",
                        "interest-withdrawn",
                        "\"accessLog\"")
                .doesNotContain(email);

        // Deleting the account.
        browser.clickAndWait(browser.button(language.delete));
        browser.awaitHeading(
                language == Language.DANISH
                        ? "Vil du slette din konto og dine data?"
                        : "Do you want to delete your account and your data?");
        assertThat(browser.mainText())
                .as("the page says what will be deleted")
                .contains(
                        language == Language.DANISH
                                ? "din tilmelding af interesse i et forsøg"
                                : "your registration of interest in one trial");
        browser.check(shot + "10b-confirm-delete");
        browser.clickAndWait(browser.button(
                language == Language.DANISH
                        ? "Ja, slet min konto og mine data"
                        : "Yes, delete my account and my data"));
        browser.awaitHeading(language.deletedHeading);
        browser.check(shot + "11-account-deleted");
        // Logged in again (the provider still knows the person), nothing is left.
        browser.open(url("/min-side"));
        browser.awaitHeading(language.myPageHeading);
        assertThat(browser.mainText()).contains(language.noRegistrations).doesNotContain(email);
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void onAPhoneTheResultsComeFirstAndTheFiltersWaitBehindADisclosure(Language language) {
        browser.resize(390, 844);
        browser.open(url("/soeg?q=" + language.searchWord + "&lang=" + language.code));
        assertThat(browser.find(By.id("results-heading")).getText()).isEqualTo(language.found);
        var firstResult = browser.find(By.cssSelector(".result-card"));
        assertThat(browser.top(firstResult))
                .as("the first result starts on the first screen of a 390 × 844 phone")
                .isLessThan(844);
        assertThat(browser.scrollsSideways())
                .as("the page fits the phone's width")
                .isFalse();
        assertThat(browser.driver().findElement(By.id("age")).isDisplayed())
                .as("the filters are folded away")
                .isFalse();
        browser.check("phone-" + language.code + "-01-search-results");

        // Opening the disclosure (no JavaScript of ours involved) shows the filters; they work as on a wide screen.
        browser.find(By.cssSelector(".filter-disclosure__toggle")).click();
        browser.find(By.id("age")).sendKeys("old");
        browser.clickAndWait(browser.button(language.applyFilters));
        assertThat(browser.find(By.id("age-error")).getText())
                .as("with an error the filters are open, the error next to its field")
                .contains(language.ageError);
        browser.check("phone-" + language.code + "-02-filter-error");
        browser.find(By.id("age")).clear();
        browser.find(By.id("age")).sendKeys("54");
        browser.clickAndWait(browser.button(language.applyFilters));
        assertThat(browser.driver().findElements(By.cssSelector(".error-summary")))
                .isEmpty();
        assertThat(texts(By.cssSelector(".result-card__title a"))).contains(language.trialTitle);
        assertThat(browser.driver().findElement(By.id("age")).getAttribute("value"))
                .as("a closed disclosure still keeps the filter")
                .isEqualTo("54");
        assertThat(browser.scrollsSideways()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void theAccessibilityStatementAndTheErrorPageAreAccessible(Language language) {
        browser.open(url("/tilgaengelighed?lang=" + language.code));
        browser.awaitHeading(language.accessibilityHeading);
        browser.check("accessibility-statement-" + language.code);

        browser.open(url("/forsoeg/findes-ikke"));
        browser.awaitHeading(language.notFoundHeading);
        browser.check("not-found-" + language.code);

        // The check can fail: an image without a text and a field without a label are found.
        browser.driver()
                .executeScript("document.getElementById('main-content').insertAdjacentHTML('beforeend', "
                        + "'<img src=\"/nothing.png\"><input type=\"text\">')");
        assertThat(browser.violations()).contains("image-alt", "label");
    }

    private List<String> texts(By by) {
        browser.find(by);
        return browser.driver().findElements(by).stream()
                .map(WebElement::getText)
                .toList();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** A plain HTTP request with the browser's cookies for the portal. */
    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        var cookies = browser.driver().manage().getCookies().stream()
                .map(cookie -> cookie.getName() + "=" + cookie.getValue())
                .collect(Collectors.joining("; "));
        var request = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Cookie", cookies)
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build();
        try (var client = HttpClient.newHttpClient()) {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }
}
