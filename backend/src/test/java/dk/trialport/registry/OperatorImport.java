package dk.trialport.registry;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.gclient.TokenClientParam;
import dk.trialport.support.FhirClients;
import dk.trialport.support.Tokens;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Drives the operator's import endpoint as {@code infra/bin/trialport import} does, and reads the trials back. */
public final class OperatorImport {

    private final int port;
    private final String issuer;

    public OperatorImport(int port, String issuer) {
        this.port = port;
        this.issuer = issuer;
    }

    /** Imports {@code path} ({@code format} null: told by the content) and waits for the summary. */
    public Map<String, Object> run(Path path, String format) {
        return run(path, format, false);
    }

    /**
     * Imports {@code path} and waits for the summary; {@code full} marks the trials the registry no longer
     * lists.
     */
    Map<String, Object> run(Path path, String format, boolean full) {
        var api = api();
        var token = operatorToken();
        api.post()
                .uri(uri -> {
                    var builder = uri.path("/api/v1/admin/import")
                            .queryParam("path", path.toAbsolutePath().toString())
                            .queryParam("full", full);
                    return (format == null ? builder : builder.queryParam("format", format)).build();
                })
                .headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus()
                .isAccepted();
        var status = awaitEnd(api);
        assertThat(status.get("state")).as("%s", status).isEqualTo("done");
        @SuppressWarnings("unchecked")
        var summary = (Map<String, Object>) status.get("summary");
        return summary;
    }

    /** Waits until the running import or sync is done or has failed; its last status. */
    Map<String, Object> awaitEnd(WebTestClient api) {
        // Polled with a token fetched for each look: a long import outlives one token, as the operator's does.
        var ended = new java.util.concurrent.atomic.AtomicReference<Map<String, Object>>();
        org.awaitility.Awaitility.await("the import ends")
                .atMost(Duration.ofMinutes(15))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> {
                    Map<String, Object> status = api.get()
                            .uri("/api/v1/admin/import")
                            .headers(h -> h.setBearerAuth(operatorToken()))
                            .exchange()
                            .expectStatus()
                            .isOk()
                            .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                            .returnResult()
                            .getResponseBody();
                    if ("done".equals(status.get("state")) || "failed".equals(status.get("state"))) {
                        ended.set(status);
                        return true;
                    }
                    return false;
                });
        return ended.get();
    }

    WebTestClient api() {
        return WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofMinutes(2))
                .build();
    }

    String operatorToken() {
        return Tokens.clientCredentials(issuer, "trialport-operator", "trialport-operator-secret", "operator");
    }

    /** The trials carrying an identifier. */
    List<ResearchStudy> studies(String system, String value) {
        var bundle = FhirClients.anonymous(port)
                .search()
                .forResource(ResearchStudy.class)
                .where(new TokenClientParam("identifier").exactly().systemAndCode(system, value))
                .returnBundle(Bundle.class)
                .execute();
        return bundle.getEntry().stream()
                .map(entry -> (ResearchStudy) entry.getResource())
                .toList();
    }

    ResearchStudy study(String system, String value) {
        var found = studies(system, value);
        assertThat(found).as("trials with %s|%s", system, value).hasSize(1);
        return found.get(0);
    }
}
