package dk.trialport.availability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dk.trialport.infra.embedded.EmbeddedPlatform;
import dk.trialport.support.FhirClients;
import dk.trialport.support.Tokens;
import dk.trialport.support.TrialportIntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Elasticsearch and PostgreSQL stop under a running application, as an operator or a crash would stop them: every
 * audience gets a 503 with {@code Retry-After} in its own form (an OperationOutcome on FHIR, a problem on the API, a
 * page on pages), never a 500; what does not need the stopped server goes on working; the instance stays ready for
 * the load balancer; each refused request is one line in the log, without a stack trace; and once the server is back,
 * the application works again by itself with nothing it acknowledged lost.
 */
@TrialportIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ServerOutagesIT {

    private static final String ORGANIZATION =
            "{\"resourceType\":\"Organization\",\"name\":\"Rigshospitalet, Onkologisk Klinik\"}";

    @LocalServerPort
    int port;

    @Value("${trialport.identity.issuer}")
    String issuer;

    @Test
    void withElasticsearchDownSearchSays503AndEverythingElseWorks(CapturedOutput output) {
        var web = FhirClients.web(port);
        var token = Tokens.demoHospital(issuer, FhirClients.ALL_SCOPES);
        var before = create(web, token);
        EmbeddedPlatform.stopSearchNode();
        int logged = output.length();
        try {
            assertThat(problem(web, "/api/v1/trials?q=kræft"))
                    .contains("\"status\":503")
                    .contains("Elasticsearch is unavailable");

            assertThat(page(web, "/soeg?q=kr%C3%A6ft"))
                    .contains("Søgningen er ikke tilgængelig lige nu")
                    .contains("name=\"q\"");
            assertThat(page(web, "/soeg?q=cancer&lang=en")).contains("Search is unavailable right now");

            assertThat(unavailable(
                            web.get().uri("/fhir/ResearchStudy?_content=cancer").exchange()))
                    .contains("OperationOutcome")
                    .contains("\"code\":\"transient\"");

            // FHIR writes and reads do not need the index.
            var during = create(web, token);
            read(web, during).expectStatus().isOk();
            read(web, before).expectStatus().isOk();

            assertReadyAndAlive(web);
            web.get()
                    .uri("/actuator/health")
                    .exchange()
                    .expectStatus()
                    .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                    .expectBody()
                    .jsonPath("$.components.elasticsearch.status")
                    .isEqualTo("DOWN")
                    .jsonPath("$.components.postgresql.status")
                    .isEqualTo("UP");
        } finally {
            EmbeddedPlatform.startSearchNode();
        }
        assertOneLinePerRefusal(output.toString().substring(logged), "Elasticsearch");
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> web.get()
                        .uri("/api/v1/trials?q=kræft")
                        .exchange()
                        .expectStatus()
                        .value(status -> assertThat(status).isNotEqualTo(503)));
    }

    @Test
    void withPostgresDownEveryoneGets503AndTheApplicationReconnectsByItself(CapturedOutput output) {
        var web = FhirClients.web(port);
        var token = Tokens.demoHospital(issuer, FhirClients.ALL_SCOPES);
        var acknowledged = create(web, token);
        EmbeddedPlatform.stopPostgres();
        int logged = output.length();
        try {
            assertThat(unavailable(read(web, acknowledged)))
                    .contains("OperationOutcome")
                    .contains("\"code\":\"no-store\"");

            var batch = web.post()
                    .uri("/fhir")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                    .contentType(MediaType.parseMediaType("application/fhir+json"))
                    .bodyValue("{\"resourceType\":\"Bundle\",\"type\":\"batch\",\"entry\":[{\"resource\":"
                            + ORGANIZATION + ",\"request\":{\"method\":\"POST\",\"url\":\"Organization\"}}]}")
                    .exchange()
                    .expectBody(String.class)
                    .returnResult();
            assertThat(batch.getStatus().value() == 503
                            || batch.getResponseBody().contains("\"status\":\"503 Service Unavailable\""))
                    .as("a batch's entries are 503 too: %s", batch.getResponseBody())
                    .isTrue();

            assertThat(unavailable(post(web, token)))
                    .contains("OperationOutcome")
                    .doesNotContain("\"exception\"");

            assertThat(problem(web, "/api/v1/trials/no-such-trial")).contains("PostgreSQL is unavailable");

            assertThat(page(web, "/forsoeg/no-such-trial")).contains("Tjenesten er ikke tilgængelig lige nu");
            assertThat(page(web, "/forsoeg/no-such-trial?lang=en")).contains("The service is unavailable right now");

            assertReadyAndAlive(web);
        } finally {
            EmbeddedPlatform.startPostgres();
        }
        assertOneLinePerRefusal(output.toString().substring(logged), "PostgreSQL");

        // Back by itself: the pool drops the dead connections and opens new ones; no restart of the application.
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> read(web, acknowledged).expectStatus().isOk());
        var after = create(web, token);
        read(web, after).expectStatus().isOk();
    }

    private static void assertReadyAndAlive(WebTestClient web) {
        for (var probe : new String[] {"/actuator/health/readiness", "/actuator/health/liveness"}) {
            web.get()
                    .uri(probe)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo("UP");
        }
    }

    /** What the refusals logged: one line each naming the server, and no stack trace. */
    private static void assertOneLinePerRefusal(String log, String server) {
        assertThat(log).contains("answered 503: " + server + " is unavailable");
        assertThat(log.lines().filter(line -> line.startsWith("\tat ")))
                .as("stack traces in the log during the outage:%n%s", log)
                .isEmpty();
    }

    /** A 503 asking to try again in ten seconds; its body. */
    private static String unavailable(WebTestClient.ResponseSpec response) {
        return response.expectStatus()
                .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader()
                .valueEquals(HttpHeaders.RETRY_AFTER, "10")
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }

    private static String problem(WebTestClient web, String uri) {
        var response = web.get().uri(uri).exchange();
        response.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        return unavailable(response);
    }

    private static String page(WebTestClient web, String uri) {
        var response = web.get().uri(uri).accept(MediaType.TEXT_HTML).exchange();
        response.expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML);
        return unavailable(response);
    }

    private static WebTestClient.ResponseSpec post(WebTestClient web, String token) {
        return web.post()
                .uri("/fhir/Organization")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.parseMediaType("application/fhir+json"))
                .bodyValue(ORGANIZATION)
                .exchange();
    }

    private static String create(WebTestClient web, String token) {
        var location = post(web, token)
                .expectStatus()
                .isCreated()
                .returnResult(String.class)
                .getResponseHeaders()
                .getLocation();
        var path = location.getPath();
        return path.substring(path.indexOf("/fhir/")).replaceAll("/_history/.*", "");
    }

    private static WebTestClient.ResponseSpec read(WebTestClient web, String path) {
        return web.get().uri(path).exchange();
    }
}
