package dk.trialport.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import dk.trialport.demo.DemoCatalogueAccess;
import dk.trialport.identity.IdentityProperties;
import dk.trialport.support.Eventually;
import dk.trialport.support.FhirClients;
import dk.trialport.support.Tokens;
import dk.trialport.support.TrialBuilder;
import dk.trialport.support.TrialportIntegrationTest;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * FHIR Bulk Data export of the public catalogue, as an anonymous client runs it: kick-off, polling, manifest, files.
 * The export holds exactly what a FHIR search finds, never a draft or what only a draft names.
 */
@TrialportIntegrationTest
class BulkExportIT {

    private static final String DRAFT_TITLE = "Unpublished draft that no export may hold";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    IdentityProperties identity;

    WebTestClient web;
    static String draftId;
    static String draftSiteId;

    @BeforeEach
    void theDemoCatalogueAndADraft() {
        web = FhirClients.web(port)
                .mutate()
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(32 * 1024 * 1024))
                .build();
        if (draftId == null) {
            DemoCatalogueAccess.seed(context);
            var draft = TrialBuilder.registered("NCT07300911")
                    .titled(DRAFT_TITLE)
                    .draft()
                    .create(web, Tokens.demoHospital(identity.issuer(), FhirClients.ALL_SCOPES));
            draftId = draft.trialId();
            draftSiteId = draft.siteId();
        }
    }

    @Test
    void anExportOfTheCatalogueHoldsWhatASearchFindsAndNoDraft() {
        var total = searchTotal("ResearchStudy");
        assertThat(total).isGreaterThanOrEqualTo(60);

        var manifest = export("/fhir/$export");
        assertThat(manifest.get("requiresAccessToken").asBoolean()).isFalse();
        assertThat(manifest.get("request").asString()).endsWith("/fhir/$export");
        assertThat(manifest.get("transactionTime").asString()).isNotBlank();
        var files = files(manifest);
        assertThat(files).containsOnlyKeys("ResearchStudy", "Location", "Organization");

        var studies = lines(files.get("ResearchStudy"));
        assertThat(studies).hasSize(total);
        assertThat(studies).allSatisfy(line -> assertThat(line).startsWith("{\"resourceType\":\"ResearchStudy\""));
        assertThat(studies.stream().map(BulkExportIT::id).distinct()).hasSize(total);
        assertThat(String.join("\n", studies)).doesNotContain(DRAFT_TITLE).doesNotContain(draftId);
        assertThat(lines(files.get("Location")))
                .as("sites of public trials only")
                .isNotEmpty()
                .noneMatch(line -> id(line).equals(draftSiteId))
                .hasSize(searchTotal("Location") - 1);
        assertThat(lines(files.get("Organization"))).isNotEmpty();
    }

    @Test
    void sinceAndTypeNarrowTheExport() {
        var before = Instant.now();
        Eventually.clockPasses(before);
        var created = TrialBuilder.registered("NCT07300912")
                .titled("A trial published after the first export")
                .create(web, Tokens.demoHospital(identity.issuer(), FhirClients.ALL_SCOPES));
        var fresh = created.trialId();
        var site = created.siteId();

        var manifest = export("/fhir/ResearchStudy/$export?_type=ResearchStudy&_since=" + before);
        var files = files(manifest);
        assertThat(files).containsOnlyKeys("ResearchStudy");
        assertThat(lines(files.get("ResearchStudy")))
                .extracting(BulkExportIT::id)
                .containsExactly(fresh);

        var both = files(export("/fhir/$export?_type=ResearchStudy,Location&_since=" + before));
        assertThat(lines(both.get("Location"))).extracting(BulkExportIT::id).containsExactly(site);
    }

    @Test
    void badRequestsAreOperationOutcomes() {
        for (var uri : List.of(
                "/fhir/$export?_type=Patient",
                "/fhir/$export?_since=yesterday",
                "/fhir/$export?_outputFormat=text/csv",
                "/fhir/$export?_typeFilter=ResearchStudy%3Fstatus%3Dactive",
                "/fhir/Patient/$export")) {
            web.get()
                    .uri(URI.create("http://localhost:" + port + uri))
                    .header("Prefer", "respond-async")
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectBody(String.class)
                    .value(body -> assertThat(body).as(uri).contains("OperationOutcome"));
        }
        web.get()
                .uri("/fhir/$export")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody(String.class)
                .value(body -> assertThat(body).contains("respond-async"));
        web.get()
                .uri("/fhir/$export-status/00000000-0000-0000-0000-000000000000")
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    void aCancelledExportIsGone() {
        var status = kickOff("/fhir/$export");
        web.delete().uri(status).exchange().expectStatus().isAccepted();
        web.get().uri(status).exchange().expectStatus().isNotFound();
        web.delete().uri(status).exchange().expectStatus().isNotFound();
    }

    private URI kickOff(String uri) {
        var location = web.get()
                .uri(URI.create("http://localhost:" + port + uri))
                .header("Prefer", "respond-async")
                .header(HttpHeaders.ACCEPT, "application/fhir+json")
                .exchange()
                .expectStatus()
                .isAccepted()
                .returnResult(String.class)
                .getResponseHeaders()
                .getFirst(HttpHeaders.CONTENT_LOCATION);
        assertThat(location).contains("/fhir/$export-status/");
        return URI.create(location);
    }

    private JsonNode export(String uri) {
        var status = kickOff(uri);
        var done = Awaitility.await("the export finishes")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> {
                            var result = web.get().uri(status).exchange().returnResult(String.class);
                            if (result.getStatus().value() != 200) {
                                assertThat(result.getStatus().value()).isEqualTo(202);
                                assertThat(result.getResponseHeaders().getFirst("X-Progress"))
                                        .isNotBlank();
                            }
                            return result;
                        },
                        result -> result.getStatus().value() == 200);
        assertThat(done.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
        return JSON.readTree(
                String.join("", done.getResponseBody().collectList().block()));
    }

    private static Map<String, String> files(JsonNode manifest) {
        var files = new java.util.LinkedHashMap<String, String>();
        manifest.get("output")
                .forEach(output -> files.put(
                        output.get("type").asString(), output.get("url").asString()));
        return files;
    }

    private List<String> lines(String url) {
        var result = web.get()
                .uri(URI.create(url))
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentType("application/fhir+ndjson")
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        return result == null ? List.of() : result.lines().toList();
    }

    private int searchTotal(String type) {
        return (int) FhirScopesIT.total(web, "/fhir/" + type + "?_count=1");
    }

    private static String id(String line) {
        return JSON.readTree(line).get("id").asString();
    }
}
