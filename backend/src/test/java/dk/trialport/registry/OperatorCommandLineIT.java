package dk.trialport.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dk.trialport.support.SharedData;
import dk.trialport.support.TrialportIntegrationTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The operator's command line, {@code infra/bin/trialport}, run as the README shows it (from the repository's root)
 * against the running portal, which it finds through {@code TRIALPORT_URL} and {@code TRIALPORT_ISSUER}: every
 * subcommand, and what it says when something is wrong.
 */
@TrialportIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperatorCommandLineIT {

    @LocalServerPort
    int port;

    @Value("${trialport.identity.issuer}")
    String issuer;

    Path root;

    /** What a run printed (standard output and error together) and how it ended. */
    record Run(int exit, String output) {}

    @BeforeAll
    void findTheScript() {
        Assumptions.assumeTrue(
                Files.isExecutable(Path.of("/usr/bin/curl")) || Files.isExecutable(Path.of("/bin/curl")),
                "the command line needs curl");
        for (var dir = Path.of(System.getProperty("user.dir")).toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("infra/bin/trialport"))) {
                root = dir;
                return;
            }
        }
        throw new IllegalStateException("infra/bin/trialport not found above " + System.getProperty("user.dir"));
    }

    @Test
    @Order(1)
    void withoutASubcommandItTellsHowToUseIt() throws Exception {
        var run = trialport(Map.of());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.output())
                .contains(
                        "infra/bin/trialport reindex",
                        "infra/bin/trialport import PATH",
                        "infra/bin/trialport sync ctgov|ctis [--since DATE]");
        assertThat(trialport(Map.of(), "sync").exit()).isEqualTo(2);
        assertThat(trialport(Map.of(), "import").exit()).isEqualTo(2);
        var unknown = trialport(Map.of(), "import", "x.json", "--colour");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.output()).contains("unknown option --colour");
    }

    @Test
    @Order(2)
    void importsTheReadmesCtisExample() throws Exception {
        var run = trialport(
                Map.of(), "import", "backend/src/test/resources/fhir/r4/ctis/trials.json", "--format", "ctis");
        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).contains("Import [", "\"source\"", "\"created\":");
        assertThat(run.output()).doesNotContain("refused");
    }

    /** The README's AACT example cut to its first rows (the whole sample is imported by {@link RegistryImportIT}). */
    @Test
    @Order(3)
    void importsTheReadmesNordicAactSample() throws Exception {
        var csv = SharedData.directory("nordic").map(dir -> dir.resolve("ctgov_nordic_aact_sample.csv"));
        Assumptions.assumeTrue(csv.isPresent() && Files.exists(csv.get()), "AACT sample absent: no shared/data/nordic");
        var head = Files.createTempDirectory("trialport-cli").resolve("ctgov_nordic_aact_sample.csv");
        try (var lines = Files.lines(csv.get())) {
            Files.write(head, lines.limit(21).toList());
        }
        var run = trialport(Map.of(), "import", head.toString());
        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output())
                .contains("\"source\"", "\"created\":", "\"skippedNotDanish\":", "\"rejectionReasons\":");
    }

    @Test
    @Order(4)
    void aRefusedImportSaysWhy() throws Exception {
        var missing = trialport(Map.of(), "import", "no/such/records.json");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.output()).contains("refused POST /api/v1/admin/import (400): Nothing to import at ");
        var format =
                trialport(Map.of(), "import", "backend/src/test/resources/fhir/r4/ctis/trials.json", "--format", "xml");
        assertThat(format.exit()).isEqualTo(1);
        assertThat(format.output()).contains("(400): Unknown format xml");
    }

    /** The sync itself is tested against a local stand-in of the registries' APIs (the {@code *SyncIT} tests). */
    @Test
    @Order(4)
    void aRefusedSyncSaysWhy() throws Exception {
        var source = trialport(Map.of(), "sync", "euctr");
        assertThat(source.exit()).isEqualTo(1);
        assertThat(source.output())
                .contains("refused POST /api/v1/admin/import/sync (400): Unknown source euctr (ctgov or ctis)");
        var since = trialport(Map.of(), "sync", "ctgov", "--since", "yesterday");
        assertThat(since.exit()).isEqualTo(1);
        assertThat(since.output()).contains("(400): since must be a date such as 2025-01-31, not yesterday");
        assertThat(trialport(Map.of(), "sync", "ctgov", "--colour").output()).contains("unknown option --colour");
    }

    @Test
    @Order(5)
    void reindexesWithAProgressBar() throws Exception {
        var run = trialport(Map.of(), "reindex");
        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).contains("Reindex [", "Done: the alias points at trials-");
    }

    @Test
    @Order(6)
    void withoutATokenItSaysWhereItAsked() throws Exception {
        var run = trialport(Map.of("TRIALPORT_CLIENT_SECRET", "wrong"), "reindex");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.output()).contains("could not get a token from " + issuer);
    }

    private Run trialport(Map<String, String> environment, String... arguments)
            throws IOException, InterruptedException {
        var command = new ArrayList<>(List.of("bash", "infra/bin/trialport"));
        command.addAll(List.of(arguments));
        var log = Files.createTempFile("trialport-cli", ".txt");
        var builder = new ProcessBuilder(command)
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("TRIALPORT_URL", "http://localhost:" + port);
        builder.environment().put("TRIALPORT_ISSUER", issuer);
        builder.environment().putAll(environment);
        var process = builder.start();
        process.getOutputStream().close();
        boolean ended = process.waitFor(5, TimeUnit.MINUTES);
        if (!ended) {
            process.destroyForcibly().waitFor();
        }
        var output = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        assertThat(ended).as("the command ended: %s", output).isTrue();
        return new Run(process.exitValue(), output);
    }
}
