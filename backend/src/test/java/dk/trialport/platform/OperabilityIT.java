package dk.trialport.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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

/** What an operator watches: Prometheus metrics and the request id in every log line of a request. */
@TrialportIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class OperabilityIT {

    @LocalServerPort
    int port;

    @Value("${trialport.identity.issuer}")
    String issuer;

    @Test
    void prometheusListsRequestsOutboxLagMailsWaitingAndIndexAge() {
        var web = FhirClients.web(port);
        web.get().uri("/fhir/metadata").exchange().expectStatus().isOk();
        web.get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized();

        var token = Tokens.operator(issuer);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(web.get()
                                .uri("/actuator/prometheus")
                                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                                .exchange()
                                .expectStatus()
                                .isOk()
                                .expectBody(String.class)
                                .returnResult()
                                .getResponseBody())
                        .contains("http_server_requests_seconds_count{")
                        .contains("uri=\"/fhir/metadata\"")
                        // outbox lag per reader of the outbox
                        .contains("trialport_worker_lag_items{consumer=\"trial-indexer\"")
                        .contains("trialport_worker_lag_items{consumer=\"profile-matcher\"")
                        // mails waiting
                        .contains("trialport_worker_lag_items{consumer=\"mail-sender\"")
                        // how far the index is behind: the age of the oldest change not yet indexed
                        .contains("trialport_worker_lag_age_seconds{consumer=\"trial-indexer\""));
    }

    @Test
    void everyLogLineOfARequestCarriesItsId(CapturedOutput output) {
        var web = FhirClients.web(port);
        web.get()
                .uri("/fhir/Organization/no-such-organization")
                .header("X-Request-Id", "ops-check-4711")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .valueEquals("X-Request-Id", "ops-check-4711");
        assertThat(output.toString().lines().filter(line -> line.contains("no-such-organization")))
                .isNotEmpty()
                .allMatch(line -> line.contains("[ops-check-4711]"));

        web.get()
                .uri("/fhir/metadata")
                .exchange()
                .expectHeader()
                .value("X-Request-Id", id -> assertThat(id).isNotBlank());
        web.get()
                .uri("/fhir/metadata")
                .header("X-Request-Id", "not a valid id")
                .exchange()
                .expectHeader()
                .value("X-Request-Id", id -> assertThat(id).doesNotContain(" "));
    }
}
