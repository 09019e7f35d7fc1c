package dk.trialport.registry.ctgov;

import static dk.trialport.support.FhirTestSupport.resources;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.trialport.fhir.TrialportFhir.Extensions;
import dk.trialport.support.FhirTestSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Every ClinicalTrials.gov record in {@code ../shared/data/ctgov/} maps to valid FHIR (skipped when absent). */
class CtgovSharedDataTest {

    private static final CtgovStudyMapper MAPPER = new CtgovStudyMapper();

    @Test
    void everyRecordMapsToValidResourcesThatRoundTrip() throws IOException {
        var failures = new ArrayList<String>();
        var records = 0;
        var entries = 0;
        var started = System.nanoTime();
        for (Path file : files()) {
            for (JsonNode json : CtgovReader.readAll(file)) {
                var nctId = new CtgovStudy(json).nctId();
                var bundle = MAPPER.toTransaction(json, SiteFilter.ALL);
                records++;
                entries += bundle.getEntry().size();
                FhirTestSupport.errors(bundle)
                        .forEach(e -> failures.add(nctId + " " + e.getLocationString() + " " + e.getMessage()));
                if (!FhirTestSupport.roundTrip(bundle).equalsDeep(bundle)) {
                    failures.add(nctId + " does not round-trip");
                }
                resources(bundle, Location.class).stream()
                        .map(l -> l.getAddress().getCountry())
                        .filter(country -> country.length() != 2)
                        .forEach(country -> failures.add(nctId + " country " + country));
            }
        }
        System.out.printf(
                "ctgov shared data: %d records, %d entries mapped, validated and round-tripped in %d ms%n",
                records, entries, (System.nanoTime() - started) / 1_000_000);
        assertThat(records).isEqualTo(150);
        assertThat(failures).isEmpty();
    }

    @Test
    void denmarkOnlyKeepsTheDanishSitesOfTheMixedFile() throws IOException {
        var danishRecords = 0;
        for (JsonNode json : CtgovReader.readAll(file("ctgov-mixed-50.json"))) {
            var locations =
                    json.path("protocolSection").path("contactsLocationsModule").path("locations");
            var danish = (int) Stream.iterate(0, i -> i < locations.size(), i -> i + 1)
                    .map(locations::get)
                    .filter(l -> "Denmark".equals(l.path("country").asText()))
                    .count();
            var bundle = MAPPER.toTransaction(json, SiteFilter.DENMARK_ONLY);
            var study = resources(bundle, ResearchStudy.class).get(0);

            assertThat(resources(bundle, Location.class))
                    .hasSize(danish)
                    .allSatisfy(l -> assertThat(l.getAddress().getCountry()).isEqualTo("DK"));
            assertThat(study.getSite()).hasSize(danish);
            assertThat(study.getExtensionByUrl(Extensions.SITES_OUTSIDE_DENMARK)
                            .getValue()
                            .primitiveValue())
                    .isEqualTo(String.valueOf(locations.size() - danish));
            assertThat(FhirTestSupport.errors(bundle)).isEmpty();
            danishRecords += danish > 0 ? 1 : 0;
        }
        assertThat(danishRecords)
                .as("records with a Danish site, as the data README says")
                .isEqualTo(2);
    }

    private static List<Path> files() throws IOException {
        try (var listing = Files.list(directory())) {
            return listing.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    private static Path file(String name) {
        var file = directory().resolve(name);
        Assumptions.assumeTrue(Files.isRegularFile(file), "ClinicalTrials.gov data absent: " + file);
        return file;
    }

    private static Path directory() {
        var directory = FhirTestSupport.sharedData("ctgov");
        Assumptions.assumeTrue(
                directory.isPresent(),
                "ClinicalTrials.gov data absent: no shared/data/ctgov above " + System.getProperty("user.dir"));
        return directory.get();
    }
}
