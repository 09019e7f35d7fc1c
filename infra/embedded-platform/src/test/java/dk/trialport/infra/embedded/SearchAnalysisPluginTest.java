package dk.trialport.infra.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plugin directory is laid out from the jar or a classes directory, and laid out again only when the jar changed. */
class SearchAnalysisPluginTest {

    @TempDir
    Path temp;

    @Test
    void laysOutJarAndDescriptorsFromAClassesDirectoryAndReinstallsOnlyWhenItChanged() throws Exception {
        var classes = classes("one");
        var distribution = Files.createDirectories(temp.resolve("elasticsearch-9.5.3"));
        var plugin = distribution.resolve("plugins/trialport-search-analysis");

        SearchAnalysisPlugin.install(classes, distribution);
        try (var files = Files.list(plugin)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder(
                            "trialport-search-analysis.jar",
                            "stable-plugin-descriptor.properties",
                            "named_components.json");
        }
        assertThat(Files.readString(plugin.resolve("named_components.json"))).isEqualTo("{}");
        var installedAt = Files.getLastModifiedTime(plugin.resolve("trialport-search-analysis.jar"));

        Files.writeString(plugin.resolve("stray.txt"), "left by hand");
        SearchAnalysisPlugin.install(classes, distribution);
        assertThat(plugin.resolve("stray.txt"))
                .as("same classes: not reinstalled")
                .exists();
        assertThat(Files.getLastModifiedTime(plugin.resolve("trialport-search-analysis.jar")))
                .isEqualTo(installedAt);

        Files.writeString(classes.resolve("dk/Changed.class"), "two");
        SearchAnalysisPlugin.install(classes, distribution);
        assertThat(plugin.resolve("stray.txt"))
                .as("changed classes: laid out anew")
                .doesNotExist();
    }

    @Test
    void installsFromAJarAsItIs() throws Exception {
        var jar = Files.write(temp.resolve("plugin.jar"), SearchAnalysisPlugin.jarOf(classes("one")));
        var distribution = Files.createDirectories(temp.resolve("dist"));
        SearchAnalysisPlugin.install(jar, distribution);
        assertThat(distribution.resolve("plugins/trialport-search-analysis/trialport-search-analysis.jar"))
                .hasSameBinaryContentAs(jar);
    }

    @Test
    void refusesAJarWithoutDescriptors() throws Exception {
        var classes = Files.createDirectories(temp.resolve("bare/dk"));
        Files.writeString(classes.resolve("A.class"), "x");
        assertThatThrownBy(() ->
                        SearchAnalysisPlugin.install(classes.getParent(), Files.createDirectories(temp.resolve("d"))))
                .hasMessageContaining("0 of the 2 plugin descriptor files");
    }

    private Path classes(String content) throws Exception {
        var classes = temp.resolve("classes");
        Files.createDirectories(classes.resolve("META-INF/elasticsearch-plugin"));
        Files.createDirectories(classes.resolve("dk"));
        Files.writeString(
                classes.resolve("META-INF/elasticsearch-plugin/stable-plugin-descriptor.properties"), "name=x\n");
        Files.writeString(classes.resolve("META-INF/elasticsearch-plugin/named_components.json"), "{}");
        Files.writeString(classes.resolve("dk/Filter.class"), content);
        return classes;
    }
}
