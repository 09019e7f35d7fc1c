package dk.trialport.infra.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin zip the build makes ({@code infra/search-analysis/target/…-plugin.zip}) is what an operator installs on
 * every Elasticsearch node: Elasticsearch's own installer ({@code bin/elasticsearch-plugin install}) takes it, lists
 * it, and lays out the same files the embedded platform lays out by hand.
 */
class PluginPackageTest {

    @TempDir
    Path temp;

    @Test
    void elasticsearchsInstallerTakesThePluginZip() throws Exception {
        var artifacts = PlatformArtifacts.fromBuild();
        var zip = pluginZip(artifacts.searchAnalysisPlugin());
        var distribution = ElasticsearchNode.unpack(artifacts, temp.resolve("node"));

        var install = run(distribution, "install", "--batch", zip.toUri().toString());
        assertThat(install.exit()).as(install.output()).isZero();
        assertThat(install.output()).contains("Installed " + SearchAnalysisPlugin.NAME);
        var list = run(distribution, "list");
        assertThat(list.output().lines()).contains(SearchAnalysisPlugin.NAME);

        var byHand = Files.createDirectories(temp.resolve("by-hand"));
        SearchAnalysisPlugin.install(artifacts.searchAnalysisPlugin(), byHand);
        var installed = distribution.resolve("plugins").resolve(SearchAnalysisPlugin.NAME);
        for (var file : new String[] {
            SearchAnalysisPlugin.NAME + ".jar", "stable-plugin-descriptor.properties", "named_components.json"
        }) {
            assertThat(installed.resolve(file))
                    .hasSameBinaryContentAs(byHand.resolve("plugins")
                            .resolve(SearchAnalysisPlugin.NAME)
                            .resolve(file));
        }
    }

    /** The zip beside the plugin jar; a build that stopped before {@code package} has none. */
    private static Path pluginZip(Path plugin) throws IOException {
        var target = plugin.getParent();
        try (var files = Files.list(target)) {
            var zip = files.filter(p -> p.getFileName().toString().endsWith("-plugin.zip"))
                    .findFirst();
            Assumptions.assumeTrue(
                    zip.isPresent(), "no plugin zip in " + target + ": the build stopped before package");
            return zip.get();
        }
    }

    private record Result(int exit, String output) {}

    private static Result run(Path distribution, String... arguments) throws Exception {
        var command = new java.util.ArrayList<String>();
        command.add(distribution.resolve("bin/elasticsearch-plugin").toString());
        command.addAll(java.util.List.of(arguments));
        var builder =
                new ProcessBuilder(command).directory(distribution.toFile()).redirectErrorStream(true);
        builder.environment().put("ES_JAVA_HOME", System.getProperty("java.home"));
        var process = builder.start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
        return new Result(process.exitValue(), output);
    }
}
