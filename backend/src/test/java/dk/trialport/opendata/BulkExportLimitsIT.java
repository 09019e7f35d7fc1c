package dk.trialport.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import dk.trialport.support.FhirClients;
import dk.trialport.support.TrialportIntegrationTest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Bulk exports cannot overload the service: a client running its share, or everyone together running as many as the
 * server takes, is refused with a 429 OperationOutcome and {@code Retry-After}; a job whose instance died no longer
 * counts.
 */
@TrialportIntegrationTest
class BulkExportLimitsIT {

    @LocalServerPort
    int port;

    @Autowired
    DatabaseClient database;

    @Autowired
    OpenDataProperties properties;

    @AfterEach
    void noJobs() {
        database.sql("DELETE FROM bulk_export_job").then().block();
    }

    @Test
    void aClientRunningItsShareIsToldToWait() {
        running(BulkExports.clientKey("127.0.0.1"), Instant.now());
        assertRefused("at most 1 at a time per client");
    }

    @Test
    void theServerTakesOnlySoManyInAll() {
        for (int i = 0; i < properties.exportJobs(); i++) {
            running("another-client-" + i, Instant.now());
        }
        assertRefused("try again later");
    }

    @Test
    void aJobWhoseInstanceDiedNoLongerCounts() {
        running(
                BulkExports.clientKey("127.0.0.1"),
                Instant.now().minus(properties.exportStaleAfter().multipliedBy(2)));
        FhirClients.web(port)
                .get()
                .uri(java.net.URI.create("http://127.0.0.1:" + port + "/fhir/$export?_type=Organization"))
                .header("Prefer", "respond-async")
                .exchange()
                .expectStatus()
                .isAccepted();
    }

    private void assertRefused(String message) {
        FhirClients.web(port)
                .get()
                .uri(java.net.URI.create("http://127.0.0.1:" + port + "/fhir/$export"))
                .header("Prefer", "respond-async")
                .exchange()
                .expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .valueEquals(
                        HttpHeaders.RETRY_AFTER,
                        Long.toString(properties.exportRetryAfter().toSeconds()))
                .expectBody(String.class)
                .value(body -> assertThat(body).contains("OperationOutcome", "throttled", message));
    }

    private void running(String client, Instant heartbeat) {
        database.sql("INSERT INTO bulk_export_job (id, client, request, types, transaction_time, status, heartbeat_at) "
                        + "VALUES (:id, :client, 'test', ARRAY['ResearchStudy'], :time, 'running', :time)")
                .bind("id", UUID.randomUUID())
                .bind("client", client)
                .bind("time", heartbeat.atOffset(ZoneOffset.UTC))
                .then()
                .block();
    }
}
