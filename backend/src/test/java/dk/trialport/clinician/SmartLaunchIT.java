package dk.trialport.clinician;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dk.trialport.catalogue.Outbox;
import dk.trialport.portal.PortalFixture;
import dk.trialport.support.StandInEhr;
import dk.trialport.support.TrialportIntegrationTest;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The clinician app against the SMART App Launch rules it claims, with a stand-in EHR: PKCE S256 on every
 * authorization request and its verifier on the token request (an EHR that does not offer S256 is refused), {@code
 * state} checked once, the access token never in a URL, a page or the log; and nothing of the patient stored in
 * PostgreSQL or Elasticsearch or written to the log, while the launch is audited with the practitioner only.
 */
@TrialportIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class SmartLaunchIT {

    @LocalServerPort
    int port;

    @Value("${trialport.identity.issuer}")
    String issuer;

    @Autowired
    Outbox outbox;

    @Autowired
    ElasticsearchClient elasticsearch;

    @Autowired
    DatabaseClient database;

    StandInEhr ehr;
    String patientId;

    @BeforeAll
    void catalogueAndRecord() {
        PortalFixture.publish(port, issuer, ClinicianFixture.CATALOGUE);
        PortalFixture.awaitIndexed(outbox, elasticsearch);
        ehr = new StandInEhr();
        patientId = ehr.addPatient(patient(), "8000");
    }

    @AfterAll
    void stopEhr() {
        ehr.close();
    }

    /** A woman with type 2 diabetes in Aarhus, without any HbA1c on record. */
    private static Bundle patient() {
        var bundle = new Bundle();
        var patient = new Patient()
                .setGender(AdministrativeGender.FEMALE)
                .setBirthDateElement(new DateType("1961-03-14"))
                .addName(new HumanName().setFamily("Kjærsgaard").addGiven("Birthe"));
        patient.setId("birthe-kjaersgaard");
        bundle.addEntry().setResource(patient);
        var condition = new Condition()
                .setClinicalStatus(new CodeableConcept(
                        new Coding("http://terminology.hl7.org/CodeSystem/condition-clinical", "active", null)))
                .setCode(new CodeableConcept(new Coding("http://snomed.info/sct", "44054006", "Diabetes"))
                        .setText("Type 2-diabetes"));
        condition.setId("c1");
        bundle.addEntry().setResource(condition);
        return bundle;
    }

    @Test
    void anEhrLaunchUsesPkceAndStateAndShowsTheFittingTrialsWithWhatIsUnknown(CapturedOutput output) throws Exception {
        var browser = new Session();
        var tablesBefore = rowCounts();
        long documentsBefore = documents();

        var toEhr = browser.get(app("/klinik/launch?iss=" + encode(ehr.base()) + "&launch=" + ehr.launch(patientId)));
        assertThat(toEhr.statusCode()).isEqualTo(303);
        var authorize = query(location(toEhr));
        assertThat(location(toEhr)).startsWith(ehr.authorizeEndpoint().toString());
        assertThat(authorize)
                .containsEntry("response_type", "code")
                .containsEntry("client_id", "trialport-clinician")
                .containsEntry("aud", ehr.base())
                .containsEntry("code_challenge_method", "S256")
                .containsEntry("redirect_uri", app("/klinik/callback"))
                .containsKeys("state", "code_challenge", "launch");
        assertThat(authorize.get("scope").split(" "))
                .contains(
                        "launch",
                        "openid",
                        "fhirUser",
                        "patient/Patient.rs",
                        "patient/Condition.rs",
                        "patient/Observation.rs");
        assertThat(authorize.get("state")).hasSizeGreaterThanOrEqualTo(32);

        var results = browser.follow(toEhr);
        assertThat(results.statusCode()).isEqualTo(200);
        var page = results.body();
        assertThat(page).contains("Forsøg, der kan passe", "Ugentlig medicin til voksne med type 2-diabetes");
        assertThat(page.indexOf("Ugentlig medicin til voksne med type 2-diabetes"))
                .as("the trial in Aarhus, nearest the patient, comes before the one in Odense")
                .isLessThan(page.indexOf("Kost og motion ved type 2-diabetes"));
        assertThat(page).contains("Ingen registreret HbA1c", "Type 2-diabetes");
        assertThat(page).doesNotContain("Genoptræning efter apopleksi", "Biologisk behandling af svær astma");

        // The token request carried the verifier whose S256 hash the authorization request announced.
        var tokenRequest = ehr.tokenRequests().getLast();
        assertThat(StandInEhr.challenge(tokenRequest.get("code_verifier"))).isEqualTo(authorize.get("code_challenge"));

        // The token is nowhere but in the Authorization header of the app's requests to the EHR.
        var tokens = ehr.issuedTokens();
        assertThat(tokens).isNotEmpty();
        for (var token : tokens) {
            assertThat(browser.urls).noneMatch(url -> url.contains(token));
            assertThat(browser.bodies).noneMatch(body -> body.contains(token));
            assertThat(ehr.requestLines()).noneMatch(line -> line.contains(token));
            assertThat(browser.cookies()).doesNotContain(token);
        }

        // The trial for health professionals and the hand-out, still within the launch.
        var trialLink = page.substring(page.indexOf("/klinik/forsoeg/"));
        var trialPath = trialLink.substring(0, trialLink.indexOf('"'));
        var trial = browser.get(app(trialPath));
        assertThat(trial.statusCode()).isEqualTo(200);
        assertThat(trial.body()).contains("HbA1c above 53", "Forsøgssygeplejerske Hanne Berg", "alder 65 år");
        var handout = browser.get(app(trialPath + "/udlevering?age=65&sex=female"));
        assertThat(handout.body()).contains("<svg", "age=65", "sex=female", "healthy=false");
        assertThat(handout.body()).doesNotContain(patientId, "Kjærsgaard", "1961-03-14");

        // Nothing of the patient is kept: no row, no document, no log line; the launch is audited without them. The
        // browser's login session is a row (web_session, read below for traces), holding only a handle to the launch.
        var tablesAfter = rowCounts();
        var audited = new LinkedHashMap<>(tablesBefore);
        audited.merge("audit_event", 1L, Long::sum);
        assertThat(tablesAfter).isEqualTo(audited);
        assertThat(documents()).isEqualTo(documentsBefore);
        var traces = new ArrayList<>(List.of(patientId, "Kjærsgaard", "Birthe", "1961-03-14"));
        traces.addAll(tokens);
        for (var trace : traces) {
            assertThat(rowsContaining(trace)).as("rows holding %s", trace).isZero();
            assertThat(output.getAll()).as("log lines holding %s", trace).doesNotContain(trace);
        }
        var audit = database.sql(
                        "SELECT actor, actor_role, action, person_ref, resource FROM audit_event ORDER BY id DESC LIMIT 1")
                .fetch()
                .all()
                .collectList()
                .block();
        assertThat(audit.getFirst())
                .containsEntry("actor", StandInEhr.PRACTITIONER)
                .containsEntry("action", "smart-launch")
                .containsEntry("resource", ehr.base());
        assertThat(audit.getFirst().get("person_ref")).isNull();

        // Ending the session forgets the launch.
        var ended = browser.post(app("/klinik/afslut"), csrf(results.body()));
        assertThat(ended.statusCode()).isEqualTo(303);
        assertThat(browser.get(app("/klinik/patient")).statusCode()).isEqualTo(401);
    }

    @Test
    void aStateThatDoesNotMatchIsRefusedAndNoCodeIsExchanged() throws Exception {
        var browser = new Session();
        var toEhr = browser.get(app("/klinik/launch?iss=" + encode(ehr.base()) + "&launch=" + ehr.launch(patientId)));
        var back = browser.get(location(toEhr));
        var callback = query(location(back));
        int tokenRequests = ehr.tokenRequests().size();

        var forged = browser.get(app("/klinik/callback?code=" + callback.get("code") + "&state=forged"));
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(forged.body()).contains("Svaret fra journalsystemet kunne ikke bruges");
        // The state is used up by the refused answer too: the real answer after it is refused as well.
        var replayed = browser.get(location(back));
        assertThat(replayed.statusCode()).isEqualTo(400);
        assertThat(ehr.tokenRequests()).hasSize(tokenRequests);

        // Another browser (no session) cannot bring the answer either.
        var stranger = new Session().get(location(back));
        assertThat(stranger.statusCode()).isEqualTo(400);
        assertThat(ehr.tokenRequests()).hasSize(tokenRequests);
    }

    @Test
    void anEhrWithoutPkceIsRefusedBeforeAnyAuthorizationRequest() throws Exception {
        ehr.offersPkce(false);
        int requests = ehr.requestLines().size();
        try {
            var refused = new Session()
                    .get(app("/klinik/launch?iss=" + encode(ehr.base()) + "&launch=" + ehr.launch(patientId)));
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.body()).contains("PKCE");
            assertThat(ehr.requestLines().subList(requests, ehr.requestLines().size()))
                    .as("only the SMART configuration was read")
                    .containsExactly("GET /fhir/.well-known/smart-configuration");
        } finally {
            ehr.offersPkce(true);
        }
    }

    @Test
    void theStandInEhrRefusesATokenRequestWithoutTheRightVerifier() throws Exception {
        var browser = new Session();
        for (var verifier : new String[] {null, "wrong-verifier-wrong-verifier-wrong-verifier"}) {
            var toEhr =
                    browser.get(app("/klinik/launch?iss=" + encode(ehr.base()) + "&launch=" + ehr.launch(patientId)));
            var back = browser.get(location(toEhr));
            var code = query(location(back)).get("code");
            var form = "grant_type=authorization_code&code=" + code + "&client_id=trialport-clinician&redirect_uri="
                    + encode(app("/klinik/callback")) + (verifier == null ? "" : "&code_verifier=" + verifier);
            var answer = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(ehr.base().replace("/fhir", "/token")))
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .POST(HttpRequest.BodyPublishers.ofString(form))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(400);
            assertThat(answer.body()).contains("invalid_grant");
        }
    }

    @Test
    void aLaunchWithoutIssOrFromAnAddressThatIsNoUrlIsRefused() throws Exception {
        var browser = new Session();
        assertThat(browser.get(app("/klinik/launch?launch=x")).statusCode()).isEqualTo(400);
        assertThat(browser.get(app("/klinik/launch?iss=ftp%3A%2F%2Fehr&launch=x"))
                        .statusCode())
                .isEqualTo(400);
        assertThat(browser.get(app("/klinik/patient")).statusCode()).isEqualTo(401);
    }

    @Test
    void aStandaloneLaunchAsksTheEhrToPickThePatient() throws Exception {
        ehr.standalonePatient(patientId);
        var browser = new Session();
        var form = browser.get(app("/klinik/start"));
        assertThat(form.statusCode()).isEqualTo(200);
        var empty = browser.get(app("/klinik/start?iss="));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("iss-error", "Skriv adressen på FHIR-serveren.");
        var onward = browser.get(app("/klinik/start?iss=" + encode(ehr.base())));
        assertThat(onward.statusCode()).isEqualTo(200);
        var link = onward.body().substring(onward.body().indexOf("href=\"" + ehr.authorizeEndpoint()) + 6);
        var authorizeUrl = link.substring(0, link.indexOf('"')).replace("&amp;", "&");
        var authorize = query(authorizeUrl);
        assertThat(authorize.get("scope")).startsWith("launch/patient ");
        assertThat(authorize).doesNotContainKey("launch");
        var results = browser.follow(browser.get(authorizeUrl));
        assertThat(results.statusCode()).isEqualTo(200);
        assertThat(results.body()).contains("Ugentlig medicin til voksne med type 2-diabetes");
    }

    // --- a browser without a browser: cookies kept, redirects followed one by one and recorded ---

    private final class Session {
        final HttpClient client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        final List<String> urls = new ArrayList<>();
        final List<String> bodies = new ArrayList<>();

        HttpResponse<String> get(String url) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(URI.create(url)).GET().build());
        }

        HttpResponse<String> post(String url, String form) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form))
                    .build());
        }

        /** Follows the redirects from this answer to the page at their end. */
        HttpResponse<String> follow(HttpResponse<String> answer) throws IOException, InterruptedException {
            var current = answer;
            for (int hops = 0; hops < 10 && current.statusCode() / 100 == 3; hops++) {
                current = get(current.uri().resolve(location(current)).toString());
            }
            return current;
        }

        String cookies() {
            return ((CookieManager) client.cookieHandler().orElseThrow())
                    .getCookieStore()
                    .getCookies()
                    .toString();
        }

        private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
            urls.add(request.uri().toString());
            var response = client.send(request, HttpResponse.BodyHandlers.ofString());
            response.headers().firstValue("Location").ifPresent(urls::add);
            bodies.add(response.body());
            return response;
        }
    }

    private String app(String path) {
        return "http://localhost:" + port + path;
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElseThrow();
    }

    private static Map<String, String> query(String url) {
        var map = new LinkedHashMap<String, String>();
        var raw = URI.create(url).getRawQuery();
        if (raw != null) {
            for (var pair : raw.split("&")) {
                var at = pair.indexOf('=');
                map.put(
                        URLDecoder.decode(pair.substring(0, at), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(at + 1), StandardCharsets.UTF_8));
            }
        }
        return map;
    }

    private static String csrf(String page) {
        var at = page.indexOf("name=\"_csrf\"");
        var value = page.substring(page.indexOf("value=\"", at) + 7);
        return "_csrf=" + encode(value.substring(0, value.indexOf('"')));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private Map<String, Long> rowCounts() {
        var counts = new LinkedHashMap<String, Long>();
        for (var table : tables()) {
            if (table.equals("web_session")) {
                continue;
            }
            counts.put(
                    table,
                    database.sql("SELECT count(*) AS n FROM \"" + table + "\"")
                            .map(row -> row.get("n", Long.class))
                            .one()
                            .block());
        }
        return counts;
    }

    private long rowsContaining(String text) {
        long found = 0;
        for (var table : tables()) {
            found += database.sql("SELECT count(*) AS n FROM \"" + table + "\" t WHERE t::text LIKE :needle")
                    .bind("needle", "%" + text + "%")
                    .map(row -> row.get("n", Long.class))
                    .one()
                    .block();
        }
        // the sessions' attributes are serialised bytes, which the row's text shows as hex: read them as text
        found += database.sql("SELECT count(*) AS n FROM web_session WHERE encode(attributes, 'escape') LIKE :needle")
                .bind("needle", "%" + text + "%")
                .map(row -> row.get("n", Long.class))
                .one()
                .block();
        return found;
    }

    private List<String> tables() {
        return database.sql("SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1")
                .map(row -> row.get("tablename", String.class))
                .all()
                .collectList()
                .block();
    }

    private long documents() throws IOException {
        elasticsearch.indices().refresh(r -> r.index("*"));
        return elasticsearch.count(c -> c.index("*")).count();
    }
}
