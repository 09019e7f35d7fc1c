package dk.trialport.clinician;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dk.trialport.catalogue.Outbox;
import dk.trialport.portal.PortalFixture;
import dk.trialport.support.Browser;
import dk.trialport.support.SharedData;
import dk.trialport.support.StandInEhr;
import dk.trialport.support.TrialportIntegrationTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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
 * A doctor launches Trialport from a (stand-in) EHR in Chromium, in a 600 px wide window as an EHR's app frame, for
 * Synthea patients with known conditions: the right trials come first, with why they fit and what is unknown; the
 * trial for health professionals, the hand-out with its QR code, the public trial page it opens with the pre-screen
 * filled, and the patient registering themselves. Every page is checked with axe-core (WCAG 2.1 AA) and screenshot
 * (target/screenshots/clinician-*.png; the committed copies are in docs/screenshots/). Skipped without the Synthea
 * patients in ../shared/data/synthea or without Chromium.
 */
@TrialportIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClinicianAppBrowserIT {

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

    StandInEhr ehr;
    Map<Patient, String> ids = new java.util.EnumMap<>(Patient.class);

    /** Synthea patients, where the stand-in EHR says they live, and what the doctor should see first. */
    enum Patient {
        LOUIS(
                "Louis_Maggio_2e275d4b-855a-4eb2-9021-5410aa8acd4f.json",
                "8000",
                "Ugentlig medicin til voksne med type 2-diabetes",
                List.of("patienten har Diabetes", "Seneste HbA1c: 7,5 %", "Seneste eGFR"),
                List.of("De øvrige inklusions- og eksklusionskriterier er ikke vurderet")),
        LIZ(
                "Liz_Conn_27c911c6-f045-4ffa-af5d-6eba57ac94b2.json",
                "2100",
                "Ny blodtrykspille ved forhøjet blodtryk",
                List.of("patienten har Hypertension", "Seneste eGFR", "mL/min/1,73 m²"),
                List.of()),
        EUGENIA(
                "Eugenia_Schuster_f1dc4192-b4ea-4024-9664-a1edcdde8187.json",
                "5000",
                "Genoptræning efter apopleksi",
                List.of("patienten har Stroke", "km fra 5000"),
                List.of()),
        FIDEL(
                "Fidel_Bins_79dabd54-65a3-41b3-8975-e868bffce1e1.json",
                null,
                "Biologisk behandling af svær astma",
                List.of("patienten har Asthma"),
                List.of("Ingen registreret HbA1c", "Intet dansk postnummer i journalen"));

        final String file;
        final String postalCode;
        final String first;
        final List<String> why;
        final List<String> unknown;

        Patient(String file, String postalCode, String first, List<String> why, List<String> unknown) {
            this.file = file;
            this.postalCode = postalCode;
            this.first = first;
            this.why = why;
            this.unknown = unknown;
        }
    }

    @BeforeAll
    void catalogueAndRecords() {
        var synthea = SharedData.directory("synthea");
        Assumptions.assumeTrue(synthea.isPresent(), "Synthea patients absent: no shared/data/synthea");
        PortalFixture.publish(port, issuer, ClinicianFixture.CATALOGUE);
        PortalFixture.awaitIndexed(outbox, elasticsearch);
        ehr = new StandInEhr();
        for (var patient : Patient.values()) {
            Path file = synthea.get().resolve(patient.file);
            ids.put(patient, ehr.addSyntheaPatient(file, patient.postalCode));
        }
    }

    @AfterAll
    void stopEhr() {
        if (ehr != null) {
            ehr.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Patient.class)
    void anEhrLaunchShowsTheRightTrialsFirstWithWhyAndWhatIsUnknown(Patient patient) {
        var shot = "clinician-" + patient.name().toLowerCase() + "-";
        browser.open(url("/"));
        browser.resize(600, 900);
        launch(patient);
        browser.awaitHeading("Forsøg, der kan passe");
        assertThat(browser.scrollsSideways()).as("fits a 600 px frame").isFalse();
        var first = browser.driver().findElements(By.cssSelector(".match")).getFirst();
        assertThat(first.findElement(By.cssSelector(".match__title")).getText()).isEqualTo(patient.first);
        var text = first.getText();
        patient.why.forEach(why -> assertThat(text).contains(why));
        patient.unknown.forEach(unknown -> assertThat(text).contains(unknown));
        noToken();
        browser.check(shot + "01-results");
    }

    @Test
    void theEhrShowsTheAppInAFrameOfItsOwnPage() {
        // The EHR's origin is one of trialport.framing.ancestors (TrialportIntegrationTest): the launch, the EHR's
        // authorization and the callback all happen inside the frame.
        browser.open(ehr.recordPage(launchUrl(Patient.LOUIS)));
        browser.driver().switchTo().frame(browser.find(By.cssSelector("iframe[title=Trialport]")));
        browser.awaitHeading("Forsøg, der kan passe");
        var first = browser.driver().findElements(By.cssSelector(".match")).getFirst();
        assertThat(first.findElement(By.cssSelector(".match__title")).getText()).isEqualTo(Patient.LOUIS.first);
        assertThat(browser.scrollsSideways()).as("fits the 600 px frame").isFalse();
        noToken();
        browser.check("clinician-louis-00-inside-the-ehr");
    }

    @Test
    void fromATrialTheDoctorGivesAHandOutAndThePatientRegistersThemselves() {
        var shot = "clinician-louis-";
        browser.open(url("/"));
        browser.resize(600, 900);
        launch(Patient.LOUIS);
        browser.awaitHeading("Forsøg, der kan passe");

        // The trial for health professionals: criteria in full, contacts for referral.
        browser.clickAndWait(browser.find(By.linkText(Patient.LOUIS.first)));
        browser.awaitHeading(Patient.LOUIS.first);
        assertThat(browser.mainText())
                .contains("Type 2 diabetes for at least 1 year", "HbA1c above 53", "Forsøgssygeplejerske Hanne Berg");
        assertThat(browser.scrollsSideways()).isFalse();
        noToken();
        browser.check(shot + "02-trial-for-professionals");

        // The hand-out passes age and sex (checked from the record), never who the patient is.
        browser.clickAndWait(browser.button("Vis seddel til udskrift"));
        var link = browser.find(By.id("handout-link")).getAttribute("href");
        assertThat(link).contains("age=50", "sex=male", "healthy=false").doesNotContain(ids.get(Patient.LOUIS));
        assertThat(browser.driver().findElements(By.cssSelector("svg.qr path"))).hasSize(1);
        browser.check(shot + "03-handout");

        // The link opens the public page with "Could this be for me?" answered.
        browser.open(link);
        browser.awaitHeading(Patient.LOUIS.first);
        assertThat(browser.find(By.cssSelector(".check-answers")).getText()).contains("Alder: Ja", "50 år");
        browser.check(shot + "04-public-page-from-handout");

        // With the patient present: the doctor's launch is forgotten and the patient logs in themselves.
        browser.driver().navigate().back();
        browser.driver().navigate().back();
        browser.awaitHeading(Patient.LOUIS.first);
        browser.clickAndWait(browser.button("Giv skærmen til patienten"));
        browser.awaitHeading("Tilmeld din interesse i forsøget");
        browser.check(shot + "05-handed-to-the-patient");
        browser.clickAndWait(browser.find(By.linkText("Log ind med MitID og tilmeld din interesse")));
        browser.find(By.id("login-form"));
        assertThat(browser.driver().getCurrentUrl()).startsWith(issuer);
        browser.logIn("patient");
        browser.awaitHeading("Tilmeld din interesse for forsøget");
        browser.check(shot + "06-patient-registers");
        browser.open(url("/klinik/patient"));
        browser.awaitHeading("Ingen patient åben");
    }

    @Test
    void aDoctorStartsOutsideTheEhrAndPicksThePatientThere() {
        ehr.standalonePatient(ids.get(Patient.LIZ));
        browser.open(url("/klinik/start"));
        browser.resize(600, 900);
        browser.awaitHeading("Start med et journalsystem");
        browser.check("clinician-standalone-01-start");
        browser.type("iss", ehr.base());
        browser.clickAndWait(browser.button("Fortsæt til journalsystemet"));
        browser.awaitHeading("Log ind hos journalsystemet");
        browser.check("clinician-standalone-02-continue");
        browser.clickAndWait(browser.find(By.linkText("Fortsæt til journalsystemet")));
        browser.awaitHeading("Forsøg, der kan passe");
        assertThat(browser.driver()
                        .findElements(By.cssSelector(".match__title"))
                        .getFirst()
                        .getText())
                .isEqualTo(Patient.LIZ.first);
        noToken();
    }

    @Test
    void theAppSpeaksEnglishAndWorksWithoutAnEhr() {
        browser.open(url("/klinik?lang=en"));
        browser.resize(600, 900);
        browser.awaitHeading("Trialport for health professionals");
        browser.check("clinician-en-01-start");
        browser.type("condition", "sukkersyge");
        browser.type("age", "abc");
        browser.clickAndWait(browser.button("Find trials"));
        assertThat(browser.find(By.id("age-error")).getText()).contains("Enter");
        browser.check("clinician-en-02-error");
        browser.find(By.id("age")).clear();
        browser.type("age", "60");
        browser.type("postalCode", "5000");
        browser.clickAndWait(browser.button("Find trials"));
        browser.awaitHeading("Trials that could fit");
        var titles = browser.driver().findElements(By.cssSelector(".match__title")).stream()
                .map(WebElement::getText)
                .toList();
        assertThat(titles).first().isEqualTo("Diet and exercise in type 2 diabetes");
        assertThat(browser.mainText()).contains("No HbA1c given");
        assertThat(browser.scrollsSideways()).isFalse();
        browser.check("clinician-en-03-typed-facts");
    }

    private void launch(Patient patient) {
        browser.open(launchUrl(patient));
    }

    /** The EHR launch's address, with the launch context of this patient. */
    private String launchUrl(Patient patient) {
        return url("/klinik/launch?iss=" + URLEncoder.encode(ehr.base(), StandardCharsets.UTF_8) + "&launch="
                + ehr.launch(ids.get(patient)));
    }

    /** The access token is in no address the browser saw and on no page. */
    private void noToken() {
        for (var token : ehr.issuedTokens()) {
            assertThat(browser.driver().getCurrentUrl()).doesNotContain(token);
            assertThat(browser.driver().getPageSource()).doesNotContain(token);
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
