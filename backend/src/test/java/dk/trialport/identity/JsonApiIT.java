package dk.trialport.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dk.trialport.fhir.TrialportFhir.CodeSystems;
import dk.trialport.support.Eventually;
import dk.trialport.support.FhirClients;
import dk.trialport.support.Tokens;
import dk.trialport.support.TrialBuilder;
import dk.trialport.support.TrialportIntegrationTest;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The JSON API from the outside: every error a problem detail (security's refusals too), the public catalogue
 * read-only and open to any origin, a portal login no bearer token, and the login's redirect_uri the portal's
 * configured address whatever Host a request names.
 */
@TrialportIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JsonApiIT {

    private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

    @LocalServerPort
    int port;

    @Autowired
    IdentityProperties identity;

    @Autowired
    PortalAddress portal;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    WebTestClient web;

    @BeforeAll
    void aTrialInTheIndex() throws InterruptedException {
        web = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(60))
                .build();
        TrialBuilder.trial("SEARCH-api-t2d")
                .titled("Semaglutide in type 2 diabetes")
                .plainTitle("Semaglutide in type 2 diabetes", "Semaglutide in type 2 diabetes (da)")
                .condition("Type 2 diabetes", CodeSystems.SKS_DIAGNOSES, "DE11")
                .ages(18, 75)
                .healthyVolunteers(false)
                .interventional()
                .starting("2026-01-01")
                .at(TrialBuilder.AARHUS)
                .publish(port, identity.issuer());
        Eventually.await(
                () -> web.get()
                                .uri("/api/v1/trials")
                                .exchange()
                                .returnResult(String.class)
                                .getStatus()
                                .value()
                        == 200,
                "the trial is indexed");
    }

    @Test
    void aPortalLoginCookieIsNoBearerToken() throws Exception {
        var cookie = new PortalLogin(port).logIn("patient");
        web.get()
                .uri("/min-side")
                .header(HttpHeaders.COOKIE, cookie)
                .exchange()
                .expectStatus()
                .isOk();

        web.get()
                .uri("/api/v1/me")
                .header(HttpHeaders.COOKIE, cookie)
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectHeader()
                .contentType(PROBLEM)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(401)
                .jsonPath("$.detail")
                .isEqualTo("A bearer token is required");
    }

    @Test
    void theLoginRedirectUriIsTheConfiguredAddressWhateverHostTheRequestNames() throws Exception {
        String location;
        try (var socket = new Socket("localhost", port)) {
            socket.getOutputStream()
                    .write(("GET /oauth2/authorization/trialport HTTP/1.1\r\nHost: evil.example\r\n"
                                    + "X-Forwarded-Host: evil.example\r\nAccept: text/html\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            var reader = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            assertThat(reader.readLine()).startsWith("HTTP/1.1 302");
            location = reader.lines()
                    .takeWhile(line -> !line.isEmpty())
                    .filter(line -> line.regionMatches(true, 0, "Location:", 0, 9))
                    .findFirst()
                    .orElseThrow()
                    .substring(9)
                    .strip();
        }
        var redirectUri = UriComponentsBuilder.fromUriString(location)
                .build()
                .getQueryParams()
                .getFirst("redirect_uri");
        assertThat(location).startsWith(identity.issuer());
        assertThat(URLDecoder.decode(redirectUri, StandardCharsets.UTF_8))
                .isEqualTo("http://localhost:" + port + "/login/oauth2/code/trialport")
                .isEqualTo(portal.resolve("/login/oauth2/code/trialport"));
    }

    @Test
    void bearerRefusalsAreProblemDetailsUnderApiAndOperationOutcomesUnderFhir() {
        web.get()
                .uri("/api/v1/me")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectHeader()
                .contentType(PROBLEM);
        web.get()
                .uri("/api/v1/me")
                .headers(h -> h.setBearerAuth("not.a.token"))
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .valueMatches(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\".*")
                .expectHeader()
                .contentType(PROBLEM)
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("The bearer token is not valid");
        var hospital = Tokens.demoHospital(identity.issuer(), FhirClients.ALL_SCOPES);
        web.get()
                .uri("/api/v1/admin/import")
                .headers(h -> h.setBearerAuth(hospital))
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentType(PROBLEM)
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("This token does not allow GET here");
        web.get()
                .uri("/fhir/ResearchSubject")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType("application/fhir+json;charset=UTF-8")
                .expectBody()
                .jsonPath("$.resourceType")
                .isEqualTo("OperationOutcome");
    }

    @Test
    void theAdminImportAnswersInProblemDetailsNamingTheParameter() {
        var operator = Tokens.operator(identity.issuer());
        web.post()
                .uri("/api/v1/admin/import")
                .headers(h -> h.setBearerAuth(operator))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(PROBLEM)
                .expectBody()
                .jsonPath("$.parameter")
                .isEqualTo("path");
        web.post()
                .uri("/api/v1/admin/import?path=/no/such/file.json")
                .headers(h -> h.setBearerAuth(operator))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(PROBLEM)
                .expectBody()
                .jsonPath("$.parameter")
                .isEqualTo("path")
                .jsonPath("$.detail")
                .isEqualTo("Nothing to import at /no/such/file.json");
        web.post()
                .uri(uri -> uri.path("/api/v1/admin/import")
                        .queryParam("path", System.getProperty("java.io.tmpdir"))
                        .queryParam("format", "xml")
                        .build())
                .headers(h -> h.setBearerAuth(operator))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(PROBLEM)
                .expectBody()
                .jsonPath("$.parameter")
                .isEqualTo("format");
        web.post()
                .uri("/api/v1/admin/import?path=/tmp&full=perhaps")
                .headers(h -> h.setBearerAuth(operator))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(PROBLEM)
                .expectBody()
                .jsonPath("$.parameter")
                .isEqualTo("full");
    }

    @Test
    void controlCharactersInParametersAreRefusedNamingTheParameter() {
        web.get()
                .uri(URI.create("http://localhost:" + port + "/api/v1/trials?q=kraeft&flag"))
                .exchange()
                .expectStatus()
                .value(status -> org.assertj.core.api.Assertions.assertThat(status)
                        .as("a parameter without a value is no control character")
                        .isLessThan(500));
        for (var character : new String[] {"%1F", "%1E", "%00", "%7F", "%0A"}) {
            problem(
                            web.get()
                                    .uri(URI.create("http://localhost:" + port + "/api/v1/trials/suggest?q=a"
                                            + character + "b")),
                            400)
                    .jsonPath("$.parameter")
                    .isEqualTo("q");
            problem(web.get().uri(URI.create("http://localhost:" + port + "/api/v1/trials?q=a" + character + "b")), 400)
                    .jsonPath("$.parameter")
                    .isEqualTo("q");
        }
        problem(web.get().uri(URI.create("http://localhost:" + port + "/api/v1/trials?x%0A=1")), 400)
                .jsonPath("$.parameter")
                .isEqualTo("x\n");
        // A parameter without a value holds no control character.
        web.get()
                .uri("/api/v1/trials?healthyVolunteers")
                .exchange()
                .expectStatus()
                .isOk();
        problem(web.get().uri("/api/v1/trials/suggest?q"), 400)
                .jsonPath("$.parameter")
                .isEqualTo("q");
        web.get()
                .uri("/soeg?q")
                .accept(MediaType.TEXT_HTML)
                .exchange()
                .expectStatus()
                .isOk();
        // Pages get the shared error page, FHIR an OperationOutcome.
        web.get()
                .uri(URI.create("http://localhost:" + port + "/soeg?q=a%1Fb"))
                .accept(MediaType.TEXT_HTML)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.TEXT_HTML);
        web.get()
                .uri(URI.create("http://localhost:" + port + "/fhir/ResearchStudy?title=a%1Fb"))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.resourceType")
                .isEqualTo("OperationOutcome");
    }

    @Test
    void thePublicCatalogueIsReadOnlyHeadIsGetAndOtherMethodsAre405() {
        for (var path : new String[] {"/api/v1/trials", "/api/v1/trials/suggest?q=ab", "/api/v1/openapi.yaml"}) {
            web.head().uri(path).exchange().expectStatus().isOk().expectBody().isEmpty();
            for (var method : new HttpMethod[] {
                HttpMethod.PUT, HttpMethod.POST, HttpMethod.PATCH, HttpMethod.DELETE, HttpMethod.TRACE
            }) {
                web.method(method)
                        .uri(path)
                        .exchange()
                        .expectStatus()
                        .isEqualTo(405)
                        .expectHeader()
                        .valueMatches(HttpHeaders.ALLOW, ".*GET.*")
                        .expectHeader()
                        .contentType(PROBLEM);
            }
        }
        web.method(HttpMethod.valueOf("BREW"))
                .uri("/api/v1/trials")
                .exchange()
                .expectStatus()
                .isEqualTo(501)
                .expectHeader()
                .contentType(PROBLEM);
        // Nothing under the public paths may write: they are open to every method so that a write is a 405.
        mappings.getHandlerMethods()
                .forEach((info, method) -> info.getPatternsCondition().getPatterns().stream()
                        .filter(pattern -> Set.of(SecurityConfiguration.PUBLIC_API).stream()
                                .anyMatch(open -> pattern.getPatternString().startsWith(open.replace("/**", ""))))
                        .forEach(
                                pattern -> assertThat(info.getMethodsCondition().getMethods())
                                        .as("%s %s", pattern, method)
                                        .containsExactly(org.springframework.web.bind.annotation.RequestMethod.GET)));
    }

    @Test
    void thePublicCatalogueAnswersPreflightsFromAnyOriginWithoutCredentials() {
        web.options()
                .uri("/api/v1/trials")
                .header(HttpHeaders.ORIGIN, "https://example.org")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
                .expectHeader()
                .doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS);
        web.get()
                .uri("/api/v1/trials/suggest?q=ab")
                .header(HttpHeaders.ORIGIN, "https://example.org")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
        web.options()
                .uri("/api/v1/me")
                .header(HttpHeaders.ORIGIN, "https://example.org")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
                .exchange()
                .expectHeader()
                .doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
    }

    @Test
    void whatNoControllerAnswersIsAProblemDetailToo() {
        problem(web.get().uri("/api/v1/trials/nothing/here"), 404);
        var operator = Tokens.operator(identity.issuer());
        problem(web.get().uri("/api/v1/nothing-here").headers(h -> h.setBearerAuth(operator)), 404);
        problem(web.get().uri("/api/v1/nothing-here"), 401);
        problem(web.get().uri("/api/v1/trials").accept(MediaType.APPLICATION_XML), 406);
        problem(web.get().uri("/api/v1/trials?cursor="), 400)
                .jsonPath("$.parameter")
                .isEqualTo("cursor")
                .jsonPath("$.detail")
                .value(detail -> assertThat((String) detail).contains("empty"));
        problem(web.get().uri("/api/v1/trials/suggest"), 400)
                .jsonPath("$.parameter")
                .isEqualTo("q");
        problem(web.get().uri("/api/v1/trials/suggest?q=a"), 400)
                .jsonPath("$.parameter")
                .isEqualTo("q");
        problem(web.get().uri("/api/v1/trials/suggest?q=ab&lang=de"), 400)
                .jsonPath("$.parameter")
                .isEqualTo("lang");
        web.get()
                .uri("/api/v1/openapi.yaml")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentType("application/yaml");
    }

    private WebTestClient.BodyContentSpec problem(WebTestClient.RequestHeadersSpec<?> request, int status) {
        return request.exchange()
                .expectStatus()
                .isEqualTo(status)
                .expectHeader()
                .contentType(PROBLEM)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(status);
    }
}
