package dk.trialport.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dk.trialport.catalogue.CatalogueStore;
import dk.trialport.fhir.TrialportFhir.TrialIdentifier;
import dk.trialport.support.SharedData;
import dk.trialport.support.TrialportIntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * With registry data beside the checkout (laid out as {@code ../shared/data}), the demo catalogue also holds its real
 * Danish trials, imported once through the registry import: here the project's ClinicalTrials.gov fixture and, when
 * present, the real records of {@code ../shared/data/ctgov}.
 */
@TrialportIntegrationTest
class DemoRegistryTrialsIT {

    @Autowired
    DemoRegistryTrials registryTrials;

    @Autowired
    CatalogueStore store;

    @TempDir
    Path data;

    @Test
    void importsTheDanishRegistryTrialsOnce() throws IOException {
        var ctgov = Files.createDirectories(data.resolve("ctgov"));
        Files.copy(Path.of("src/test/resources/fhir/r4/ctgov/studies.json"), ctgov.resolve("fixture.json"));
        var shared = SharedData.directory("ctgov");
        if (shared.isPresent()) {
            try (Stream<Path> files = Files.list(shared.get())) {
                for (var file :
                        files.filter(f -> f.toString().endsWith(".json")).toList()) {
                    Files.copy(file, ctgov.resolve(file.getFileName()));
                }
            }
        }

        assertThat(registryTrials.importOnce(data)).isTrue();
        assertThat(nct("NCT06111111")).as("the fixture's Danish trial").hasSize(1);
        assertThat(nct("NCT06222222")).as("no Danish site").isEmpty();
        int trials = store.identifiersOf("ResearchStudy", TrialIdentifier.NCT)
                .collectList()
                .block()
                .size();
        assertThat(trials).isGreaterThanOrEqualTo(shared.isPresent() ? 3 : 1);

        assertThat(registryTrials.importOnce(data)).as("once").isFalse();
    }

    private java.util.List<String> nct(String number) {
        return store.idsByIdentifier("ResearchStudy", TrialIdentifier.NCT, number)
                .collectList()
                .block();
    }
}
