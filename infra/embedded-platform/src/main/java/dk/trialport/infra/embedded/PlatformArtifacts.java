package dk.trialport.infra.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Where the build put the Elasticsearch distribution, the identity provider jar and the search
 * analysis plugin, as recorded in {@code artifacts.properties} when this module was built.
 *
 * @param searchAnalysisPlugin the plugin's jar, or its classes directory when the build stopped
 *     before {@code package} ({@link SearchAnalysisPlugin} jars that itself)
 */
record PlatformArtifacts(
        String elasticsearchVersion, Path elasticsearchZip, Path identityProviderJar, Path searchAnalysisPlugin) {

    static PlatformArtifacts fromBuild() {
        var properties = new Properties();
        try (InputStream in = PlatformArtifacts.class.getResourceAsStream("artifacts.properties")) {
            if (in == null) {
                throw new IllegalStateException("artifacts.properties is missing from the embedded platform jar");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var artifacts = new PlatformArtifacts(
                properties.getProperty("elasticsearch.version"),
                Path.of(System.getProperty(
                        "trialport.platform.elasticsearch-zip", properties.getProperty("elasticsearch.zip"))),
                packagedJar(Path.of(System.getProperty(
                        "trialport.platform.identity-provider-jar", properties.getProperty("identity-provider.jar")))),
                Path.of(System.getProperty(
                        "trialport.platform.search-analysis-plugin",
                        properties.getProperty("search-analysis-plugin.jar"))));
        artifacts.requireExisting(artifacts.elasticsearchZip, "the Elasticsearch distribution");
        artifacts.requireExisting(artifacts.identityProviderJar, "the identity provider jar");
        if (!Files.isDirectory(artifacts.searchAnalysisPlugin)) {
            artifacts.requireExisting(artifacts.searchAnalysisPlugin, "the search analysis plugin");
        }
        return artifacts;
    }

    /**
     * A build that stops before {@code package} (such as {@code mvn test}) records the module's
     * classes directory; the jar an earlier package left beside it is what can run.
     */
    private static Path packagedJar(Path recorded) {
        if (!Files.isDirectory(recorded) || recorded.getParent() == null) {
            return recorded;
        }
        try (var candidates = Files.list(recorded.getParent())) {
            return candidates
                    .filter(p -> p.getFileName().toString().matches("trialport-identity-provider-.*\\.jar"))
                    .findFirst()
                    .orElse(recorded);
        } catch (IOException e) {
            return recorded;
        }
    }

    private void requireExisting(Path file, String what) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("Cannot find " + what + " at " + file
                    + ". Build the whole project first: mvn verify (tests) or mvn -Prun package.");
        }
    }
}
