package dk.trialport.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.trialport.fhir.TrialportFhir.TrialIdentifier;
import dk.trialport.support.SharedData;
import dk.trialport.support.TrialportIntegrationTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What the live sync's integration tests share: one {@link RegistryStandIn} for the test run, the settings that
 * point the sync at it (quick retries, no rate limit to speak of, three studies a page), the records it serves (the
 * project's fixtures and, when present, the real ClinicalTrials.gov records in {@code ../shared/data/ctgov}), and
 * the operator's sync call.
 */
@TrialportIntegrationTest
abstract class RegistrySyncSupport {

    static final RegistryStandIn STAND_IN = new RegistryStandIn();
    static final int PAGE_SIZE = 3;
    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Value("${trialport.identity.issuer}")
    String issuer;

    @DynamicPropertySource
    static void standIn(DynamicPropertyRegistry registry) {
        registry.add("trialport.registry.sync.ctgov.base-url", STAND_IN::baseUrl);
        registry.add("trialport.registry.sync.ctis.base-url", STAND_IN::baseUrl);
        registry.add("trialport.registry.sync.ctgov.page-size", () -> PAGE_SIZE);
        registry.add("trialport.registry.sync.ctis.page-size", () -> PAGE_SIZE);
        registry.add("trialport.registry.sync.ctgov.requests-per-minute", () -> 6000);
        registry.add("trialport.registry.sync.ctis.requests-per-minute", () -> 6000);
        registry.add("trialport.registry.sync.retry.max-retries", () -> 2);
        registry.add("trialport.registry.sync.retry.first-backoff", () -> "50ms");
    }

    /** The project's own ClinicalTrials.gov fixtures (one Danish trial of three, and a Danish one with infant ages). */
    static List<JsonNode> fixtures() {
        var studies = new ArrayList<JsonNode>();
        read(Path.of("src/test/resources/fhir/r4/ctgov/studies.json")).forEach(studies::add);
        read(Path.of("src/test/resources/fhir/r4/ctgov/infant-ages.json")).forEach(studies::add);
        return studies;
    }

    /**
     * The fixture trial NCT06111111 (Danish sites) as {@code count} trials of their own, NCT0611111{0..}: a run long
     * enough for several pages of Danish trials.
     */
    static List<JsonNode> danishCopies(int count) {
        var original = fixtures().get(0);
        var copies = new ArrayList<JsonNode>();
        for (int i = 0; i < count; i++) {
            var copy = original.deepCopy();
            ((ObjectNode) copy.path("protocolSection").path("identificationModule"))
                    .put("nctId", String.format("NCT0700%04d", i))
                    .put(
                            "briefTitle",
                            "Copy " + i + " of "
                                    + original.path("protocolSection")
                                            .path("identificationModule")
                                            .path("briefTitle")
                                            .asText());
            copies.add(copy);
        }
        return copies;
    }

    /** The real records in {@code ../shared/data/ctgov}, or none when absent. */
    static List<JsonNode> shared() {
        var studies = new ArrayList<JsonNode>();
        SharedData.directory("ctgov").ifPresent(directory -> {
            try (Stream<Path> files = Files.list(directory)) {
                files.filter(file -> file.toString().endsWith(".json"))
                        .sorted()
                        .forEach(file -> read(file).forEach(studies::add));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return studies;
    }

    /** The project's CTIS fixtures. */
    static List<JsonNode> ctisFixtures() {
        var trials = new ArrayList<JsonNode>();
        read(Path.of("src/test/resources/fhir/r4/ctis/trials.json")).forEach(trials::add);
        return trials;
    }

    private static JsonNode read(Path file) {
        try {
            var json = JSON.readTree(file.toFile());
            return json.isArray() ? json : JSON.createArrayNode().add(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts a sync as {@code infra/bin/trialport sync} does and waits for it to end; its last status. */
    Map<String, Object> sync(String source, String since) {
        var operator = new OperatorImport(port, issuer);
        var api = operator.api();
        api.post()
                .uri(uri -> {
                    var builder = uri.path("/api/v1/admin/import/sync").queryParam("source", source);
                    return (since == null ? builder : builder.queryParam("since", since)).build();
                })
                .headers(h -> h.setBearerAuth(operator.operatorToken()))
                .exchange()
                .expectStatus()
                .isAccepted();
        return operator.awaitEnd(api);
    }

    /** The summary of a sync that must succeed. */
    @SuppressWarnings("unchecked")
    Map<String, Object> syncDone(String source, String since) {
        var status = sync(source, since);
        assertThat(status.get("state")).as("%s", status).isEqualTo("done");
        return (Map<String, Object>) status.get("summary");
    }

    ResearchStudy study(String nct) {
        return new OperatorImport(port, issuer).study(TrialIdentifier.NCT, nct);
    }

    List<ResearchStudy> studies(String nct) {
        return new OperatorImport(port, issuer).studies(TrialIdentifier.NCT, nct);
    }
}
