package dk.trialport.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockJwt;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

import dk.trialport.recruitment.application.RegisteringInterest;
import dk.trialport.recruitment.model.ContactChannel;
import dk.trialport.support.FhirClients;
import dk.trialport.support.PersonBuilder;
import dk.trialport.support.Tokens;
import dk.trialport.support.TrialBuilder;
import dk.trialport.support.TrialportIntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * Who may do what with personal data and trial ownership: every caller against every endpoint, one row
 * each in {@link #MATRIX}. The trial (and the one to delete) belong to rh-onkologi; {@code patient} has an
 * interest registration in it. Expected: a status, {@code login} (a redirect to the login) or {@code 3xx} (a
 * redirect elsewhere). Refusals under {@code /fhir} must be OperationOutcomes. To add an endpoint, add it to
 * {@link #endpoints()} and a line to the table; page rows log in with {@code mockOidcLogin}, API rows use real
 * tokens from the identity provider for systems and {@code mockJwt} for users' bearer tokens.
 */
@TrialportIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixIT {

    /**
     * hospital: demo-hospital (rh-onkologi) with every scope; -no-rs without system/ResearchSubject.*; -r with
     * only system/ResearchSubject.r; -s with only .s; hospital2: demo-hospital-aarhus (auh-endokrinologi), every
     * scope; investigator (rh-onkologi), investigator2 (auh-endokrinologi); admin: the operator (API) or an
     * administrator logged in (pages). Hospital systems have no login to pages.
     */
    static final String MATRIX = """
      endpoint              anonymous patient patient2 investigator investigator2 hospital hospital-no-rs hospital-r hospital-s hospital2 admin
      fhir-subject-read     401       403     403      200          403           200      403            200        403        403       200
      fhir-subject-search   401       403     403      200          403           200      403            403        200        403       200
      fhir-study-update     401       403     403      200          403           200      200            403        403        403       200
      fhir-study-delete     401       403     403      204          403           204      204            403        403        403       204
      api-admin-import      401       403     403      403          403           403      403            403        403        403       200
      api-admin-reindex     401       403     403      403          403           403      403            403        403        403       200
      api-admin-dump        401       403     403      403          403           403      403            403        403        403       200
      api-admin-sync        401       403     403      403          403           403      403            403        403        403       400
      api-me                401       200     200      200          200           200      200            200        200        200       200
      page-my-page          login     200     200      200          200           login    login          login      login      login     200
      page-export           login     200     200      200          200           login    login          login      login      login     200
      page-profile          login     200     200      200          200           login    login          login      login      login     200
      page-register         login     3xx     3xx      3xx          3xx           login    login          login      login      login     3xx
      page-withdraw-anne    login     3xx     404      404          404           login    login          login      login      login     404
      clinician-patient     401       401     401      401          401           401      401            401        401        401       401
      ws-home               login     403     403      200          200           login    login          login      login      login     200
      ws-trial-form         login     403     403      200          404           login    login          login      login      login     200
      ws-trial-save         login     403     403      400          404           login    login          login      login      login     400
      ws-candidates         login     403     403      200          404           login    login          login      login      login     200
      ws-candidates-csv     login     403     403      200          404           login    login          login      login      login     200
      ws-candidate          login     403     403      200          404           login    login          login      login      login     200
      ws-candidate-note     login     403     403      3xx          404           login    login          login      login      login     3xx
      ws-trial-confirm      login     403     403      3xx          404           login    login          login      login      login     3xx
      ws-admin              login     403     403      403          403           login    login          login      login      login     200
      ws-quality            login     403     403      403          403           login    login          login      login      login     200
      ws-admin-member       login     403     403      403          403           login    login          login      login      login     3xx
      """;

    private static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json");

    @Autowired
    ApplicationContext context;

    @Autowired
    IdentityProperties identity;

    @Autowired
    RegisteringInterest registering;

    WebTestClient web;
    String trial;
    String doomed;
    String trialJson;
    UUID anneRegistration;
    final Map<String, UnaryOperator<WebTestClient>> apiCallers = new HashMap<>();
    final Map<String, UnaryOperator<WebTestClient>> pageCallers = new HashMap<>();

    @BeforeAll
    void aTrialWithACandidate() {
        web = WebTestClient.bindToApplicationContext(context)
                .apply(springSecurity())
                .configureClient()
                .responseTimeout(Duration.ofSeconds(60))
                .build();
        var issuer = identity.issuer();
        var all = FhirClients.ALL_SCOPES + " system/ResearchSubject.rs";
        var hospital = Tokens.demoHospital(issuer, all);
        var site = created(bearer(hospital)
                .apply(web)
                .post()
                .uri("/fhir/Location")
                .contentType(FHIR_JSON)
                .bodyValue(encode(TrialBuilder.aSite()))
                .exchange());
        var study = TrialBuilder.registered("NCT07000001")
                .at(new org.hl7.fhir.r4.model.IdType("Location", site))
                .study();
        trial = created(bearer(hospital)
                .apply(web)
                .post()
                .uri("/fhir/ResearchStudy")
                .contentType(FHIR_JSON)
                .bodyValue(encode(study))
                .exchange());
        doomed = created(bearer(hospital)
                .apply(web)
                .post()
                .uri("/fhir/ResearchStudy")
                .contentType(FHIR_JSON)
                .bodyValue(encode(TrialBuilder.registered("NCT07000001")
                        .at(new org.hl7.fhir.r4.model.IdType("Location", site))
                        .study()))
                .exchange());
        study.setId(trial);
        trialJson = encode(study);
        anneRegistration = registering
                .register("matrix-anne", trial, new RegisteringInterest.Request(ContactChannel.PORTAL, null, null))
                .block()
                .id();

        person("anonymous", null, null, null);
        person("patient", "matrix-anne", Roles.PATIENT, null);
        person("patient2", "matrix-bob", Roles.PATIENT, null);
        person("investigator", "investigator", Roles.INVESTIGATOR, "rh-onkologi");
        person("investigator2", "investigator2", Roles.INVESTIGATOR, "auh-endokrinologi");
        system("hospital", hospital);
        system("hospital-no-rs", Tokens.demoHospital(issuer, FhirClients.ALL_SCOPES));
        system("hospital-r", Tokens.demoHospital(issuer, "system/ResearchSubject.r"));
        system("hospital-s", Tokens.demoHospital(issuer, "system/ResearchSubject.s"));
        system("hospital2", Tokens.aarhusHospital(issuer, all));
        apiCallers.put("admin", bearer(Tokens.operator(issuer)));
        pageCallers.put("admin", login("matrix-admin", Roles.ADMIN, null));
    }

    /** Each endpoint: whether it is a page, and the request. */
    Map<String, Endpoint> endpoints() {
        var endpoints = new HashMap<String, Endpoint>();
        endpoints.put("fhir-subject-read", api(web -> web.get().uri("/fhir/ResearchSubject/{id}", anneRegistration)));
        endpoints.put(
                "fhir-subject-search",
                api(web -> web.get().uri("/fhir/ResearchSubject?study=ResearchStudy/{id}", trial)));
        endpoints.put(
                "fhir-study-update",
                api(web -> web.put()
                        .uri("/fhir/ResearchStudy/{id}", trial)
                        .contentType(FHIR_JSON)
                        .bodyValue(trialJson)));
        endpoints.put("fhir-study-delete", api(web -> web.delete().uri("/fhir/ResearchStudy/{id}", doomed)));
        endpoints.put("api-admin-import", api(web -> web.get().uri("/api/v1/admin/import")));
        endpoints.put("api-admin-reindex", api(web -> web.get().uri("/api/v1/admin/reindex")));
        endpoints.put("api-admin-dump", api(web -> web.post().uri("/api/v1/admin/open-data/dump")));
        // an unknown source: the admin gets past authorization to the 400, and no sync against the internet starts
        endpoints.put("api-admin-sync", api(web -> web.post().uri("/api/v1/admin/import/sync?source=none")));
        endpoints.put("api-me", api(web -> web.get().uri("/api/v1/me")));
        endpoints.put("page-my-page", page(web -> web.get().uri("/min-side")));
        endpoints.put("page-export", page(web -> web.get().uri("/min-side/eksport")));
        endpoints.put("page-profile", page(web -> web.get().uri("/profil")));
        endpoints.put(
                "page-register",
                page(web -> web.mutateWith(csrf())
                        .post()
                        .uri("/forsoeg/{id}/interesse", trial)
                        .body(BodyInserters.fromFormData(interestForm()))));
        endpoints.put(
                "page-withdraw-anne",
                page(web -> web.mutateWith(csrf())
                        .post()
                        .uri("/min-side/tilmeldinger/{id}/tilbagetraek", anneRegistration)));
        // a patient's facts come only from an EHR launch in the same session, never from a portal login
        endpoints.put("clinician-patient", page(web -> web.get().uri("/klinik/patient")));
        endpoints.put("ws-home", page(web -> web.get().uri("/arbejdsrum")));
        endpoints.put("ws-trial-form", page(web -> web.get().uri("/arbejdsrum/forsoeg/{id}", trial)));
        // an empty form: the team is told what is missing (400), anyone else learns nothing (404)
        endpoints.put(
                "ws-trial-save",
                page(web -> web.mutateWith(csrf())
                        .post()
                        .uri("/arbejdsrum/forsoeg/{id}", trial)
                        .body(BodyInserters.fromFormData("action", "save"))));
        endpoints.put("ws-candidates", page(web -> web.get().uri("/arbejdsrum/forsoeg/{id}/kandidater", trial)));
        endpoints.put(
                "ws-candidates-csv", page(web -> web.get().uri("/arbejdsrum/forsoeg/{id}/kandidater.csv", trial)));
        endpoints.put("ws-candidate", page(web -> web.get().uri("/arbejdsrum/kandidater/{id}", anneRegistration)));
        endpoints.put(
                "ws-candidate-note",
                page(web -> web.mutateWith(csrf())
                        .post()
                        .uri("/arbejdsrum/kandidater/{id}/noter", anneRegistration)
                        .body(BodyInserters.fromFormData("note", "Ringet op"))));
        endpoints.put(
                "ws-trial-confirm",
                page(web -> web.mutateWith(csrf()).post().uri("/arbejdsrum/forsoeg/{id}/bekraeft", trial)));
        endpoints.put("ws-admin", page(web -> web.get().uri("/arbejdsrum/admin")));
        endpoints.put("ws-quality", page(web -> web.get().uri("/arbejdsrum/admin/datakvalitet")));
        endpoints.put(
                "ws-admin-member",
                page(web -> web.mutateWith(csrf())
                        .post()
                        .uri("/arbejdsrum/admin/medlemmer")
                        .body(BodyInserters.fromFormData(member()))));
        return endpoints;
    }

    Stream<Arguments> matrix() {
        var lines =
                MATRIX.strip().lines().map(line -> line.trim().split("\\s+")).toList();
        var callers = lines.get(0);
        var rows = new ArrayList<Arguments>();
        for (var line : lines.subList(1, lines.size())) {
            for (int column = 1; column < callers.length; column++) {
                rows.add(Arguments.of(line[0], callers[column], line[column]));
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0} as {1}: {2}")
    @MethodSource("matrix")
    void callerMeetsTheExpectedAnswer(String endpointName, String caller, String expected) {
        var endpoint = endpoints().get(endpointName);
        assertThat(endpoint).as("endpoint " + endpointName).isNotNull();
        var as = (endpoint.page() ? pageCallers : apiCallers).get(caller);
        assertThat(as).as("caller " + caller).isNotNull();
        var response = endpoint.request().apply(as.apply(web)).exchange();
        switch (expected) {
            case "login" ->
                response.expectStatus()
                        .is3xxRedirection()
                        .expectHeader()
                        .valueMatches("Location", ".*/oauth2/authorization/trialport");
            case "3xx" ->
                response.expectStatus()
                        .is3xxRedirection()
                        .expectHeader()
                        .value("Location", location -> assertThat(location).doesNotContain("/oauth2/"));
            default -> {
                int status = Integer.parseInt(expected);
                response.expectStatus().isEqualTo(status);
                if (status >= 400 && endpointName.startsWith("fhir-")) {
                    response.expectHeader()
                            .value(
                                    "Content-Type",
                                    type -> assertThat(type)
                                            .as("a refusal says its charset as every FHIR answer does")
                                            .isEqualToIgnoringCase("application/fhir+json;charset=UTF-8"));
                    response.expectBody()
                            .jsonPath("$.resourceType")
                            .isEqualTo("OperationOutcome")
                            .jsonPath("$.issue[0].diagnostics")
                            .isNotEmpty();
                }
            }
        }
    }

    /** An endpoint: a page (callers log in) or an API (callers bring bearer tokens), and its request. */
    record Endpoint(boolean page, Function<WebTestClient, WebTestClient.RequestHeadersSpec<?>> request) {}

    private static Endpoint api(Function<WebTestClient, WebTestClient.RequestHeadersSpec<?>> request) {
        return new Endpoint(false, request);
    }

    private static Endpoint page(Function<WebTestClient, WebTestClient.RequestHeadersSpec<?>> request) {
        return new Endpoint(true, request);
    }

    /** A person: a bearer token of theirs for the APIs, a login for the pages; null subject: anonymous. */
    private void person(String name, String subject, String role, String organization) {
        if (subject == null) {
            apiCallers.put(name, web -> web);
            pageCallers.put(name, web -> web);
            return;
        }
        apiCallers.put(
                name,
                web -> web.mutateWith(mockJwt()
                        .jwt(jwt -> {
                            jwt.subject(subject).claim("roles", List.of(role));
                            if (organization != null) {
                                jwt.claim("organization", organization);
                            }
                        })
                        .authorities(new SimpleGrantedAuthority("ROLE_" + role))));
        pageCallers.put(name, login(subject, role, organization));
    }

    /** A hospital system: its token for the APIs; on the pages, where bearer tokens do not log in, the same. */
    private void system(String name, String token) {
        apiCallers.put(name, bearer(token));
        pageCallers.put(name, bearer(token));
    }

    private static UnaryOperator<WebTestClient> login(String subject, String role, String organization) {
        return web -> web.mutateWith(
                PersonBuilder.withRole(subject, role, organization).login());
    }

    private static UnaryOperator<WebTestClient> bearer(String token) {
        return web -> web.mutate()
                .defaultHeaders(headers -> headers.setBearerAuth(token))
                .build();
    }

    private static LinkedMultiValueMap<String, String> member() {
        var form = new LinkedMultiValueMap<String, String>();
        form.setAll(Map.of("organization", "rh-onkologi", "subject", "matrix-new-member", "displayName", "Ny Kollega"));
        return form;
    }

    private static LinkedMultiValueMap<String, String> interestForm() {
        var form = new LinkedMultiValueMap<String, String>();
        form.setAll(Map.of("consent", "yes", "channel", "portal", "email", "", "phone", "", "message", ""));
        return form;
    }

    private static String created(ResponseSpec response) {
        return response.expectStatus()
                .isCreated()
                .returnResult(String.class)
                .getResponseHeaders()
                .getLocation()
                .getPath()
                .split("/")[3];
    }

    private static String encode(org.hl7.fhir.instance.model.api.IBaseResource resource) {
        return FhirClients.CONTEXT.newJsonParser().encodeResourceToString(resource);
    }
}
