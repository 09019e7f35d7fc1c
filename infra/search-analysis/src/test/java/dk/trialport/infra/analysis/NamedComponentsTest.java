package dk.trialport.infra.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.regex.Pattern;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;
import org.junit.jupiter.api.Test;

/** The descriptor files the node reads agree with the classes: every listed name is that class's @NamedComponent. */
class NamedComponentsTest {

    private static final String DIR = "/META-INF/elasticsearch-plugin/";
    private static final Pattern ENTRY = Pattern.compile("\"(\\w+)\"\\s*:\\s*\"([\\w.]+)\"");
    private static final Pattern SECTION = Pattern.compile("\"([\\w.]+)\"\\s*:\\s*\\{([^}]*)}");

    @Test
    void everyNamedComponentIsListedUnderItsExtensibleInterface() throws Exception {
        var json = read("named_components.json");
        int count = 0;
        var sections = SECTION.matcher(json);
        while (sections.find()) {
            var extensible = sections.group(1);
            assertThat(extensible).isIn(TokenFilterFactory.class.getName(), AnalyzerFactory.class.getName());
            var entries = ENTRY.matcher(sections.group(2));
            while (entries.find()) {
                var type = Class.forName(entries.group(2));
                assertThat(type.getAnnotation(NamedComponent.class).value()).isEqualTo(entries.group(1));
                assertThat(Class.forName(extensible).isAssignableFrom(type))
                        .as(type + " implements " + extensible)
                        .isTrue();
                assertThat(type.getConstructors()).hasSize(1);
                count++;
            }
        }
        assertThat(count).isEqualTo(9);
    }

    @Test
    void descriptorHasOnlyTheKeysAStablePluginMayHave() throws IOException {
        var properties = new Properties();
        try (InputStream in =
                NamedComponentsTest.class.getResourceAsStream(DIR + "stable-plugin-descriptor.properties")) {
            properties.load(in);
        }
        assertThat(properties.stringPropertyNames())
                .containsExactlyInAnyOrder("name", "description", "version", "elasticsearch.version", "java.version");
        assertThat(properties.getProperty("elasticsearch.version")).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(properties.getProperty("name")).isEqualTo("trialport-search-analysis");
    }

    private static String read(String name) throws IOException {
        try (InputStream in = NamedComponentsTest.class.getResourceAsStream(DIR + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
