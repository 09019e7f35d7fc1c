package dk.trialport.registry;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.gclient.TokenClientParam;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.trialport.fhir.TrialportFhir;
import dk.trialport.support.FhirClients;
import dk.trialport.support.SharedData;
import dk.trialport.support.TrialportIntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An operator imports ClinicalTrials.gov records: new trials appear with their Danish sites, importing
 * again changes nothing, a changed record makes one new version, and a full import marks (never deletes)
 * a trial the registry no longer lists.
 */
@TrialportIntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RegistryImportIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path FIXTURE = Path.of("src/test/resources/fhir/r4/ctgov/studies.json");

    @LocalServerPort
    int port;

    @Value("${trialport.identity.issuer}")
    String issuer;

    @TempDir
    Path temp;

    @Test
    @Order(1)
    void importIsIdempotentUpdatesChangesAndMarksWhatDisappeared() throws IOException {
        var first = importFile(FIXTURE, false);
        assertThat(first)
                .containsEntry("created", 1)
                .containsEntry("updated", 0)
                .containsEntry("unchanged", 0);
        assertThat(first)
                .as("NCT06222222 (United States) and NCT06333333 (Germany) name no Danish site")
                .containsEntry("skippedNotDanish", 2);
        assertThat((java.util.List<?>) first.get("rejected")).isEmpty();

        var again = importFile(FIXTURE, false);
        assertThat(again)
                .containsEntry("created", 0)
                .containsEntry("updated", 0)
                .containsEntry("unchanged", 1);

        var studies = (ArrayNode) JSON.readTree(FIXTURE.toFile());
        ((ObjectNode) studies.get(0).path("protocolSection").path("identificationModule"))
                .put("briefTitle", "Semaglutide and Supervised Exercise in Adults With Type 2 Diabetes (amended)");
        var changed = temp.resolve("changed.json");
        JSON.writeValue(changed.toFile(), studies);
        assertThat(importFile(changed, false)).containsEntry("updated", 1).containsEntry("unchanged", 0);

        var withoutFirst = JSON.createArrayNode().add(studies.get(1)).add(studies.get(2));
        var dropped = temp.resolve("dropped.json");
        JSON.writeValue(dropped.toFile(), withoutFirst);
        assertThat(importFile(dropped, true)).containsEntry("missingUpstream", 1);

        var study = study("NCT06111111");
        assertThat(study.hasExtension(RegistryImport.MISSING_UPSTREAM))
                .as("marked, not deleted")
                .isTrue();
        assertThat(study.getMeta().getVersionId()).isEqualTo("3");
        assertThat(study.getMeta().getTag(RegistryImport.SOURCE_SYSTEM, "clinicaltrials.gov"))
                .isNotNull();
    }

    @Test
    @Order(2)
    void aRecordIsMappedWithItsDanishSitesOnly() throws IOException {
        importFile(FIXTURE, false);
        var study = study("NCT06111111");
        assertThat(study.getTitle()).contains("Semaglutide Combined With Supervised Exercise");
        var client = FhirClients.anonymous(port);
        var sites = study.getSite().stream()
                .map(site -> client.read()
                        .resource(Location.class)
                        .withId(site.getReferenceElement().getIdPart())
                        .execute())
                .toList();
        assertThat(sites)
                .isNotEmpty()
                .allSatisfy(site -> assertThat(site.getAddress().getCountry()).isEqualTo("DK"));
        assertThat(study.getExtensionByUrl(TrialportFhir.Extensions.SITES_OUTSIDE_DENMARK)
                        .getValue()
                        .primitiveValue())
                .isEqualTo("1");
        assertThat(study.getCondition()).isNotEmpty();
    }

    @Test
    @Order(3)
    void everySharedClinicalTrialsGovRecordIsImportedOrRejectedWithAReason() {
        var directory = SharedData.directory("ctgov");
        Assumptions.assumeTrue(directory.isPresent(), "ClinicalTrials.gov data absent: no shared/data/ctgov");
        var summary = importFile(directory.get(), false);
        int created = (Integer) summary.get("created");
        int skipped = (Integer) summary.get("skippedNotDanish");
        var rejected = (java.util.List<?>) summary.get("rejected");
        System.out.printf(
                "Shared ClinicalTrials.gov import: %d created, %d skipped (not Danish), %d rejected%n",
                created, skipped, rejected.size());
        assertThat(created + skipped + rejected.size()).isEqualTo(150);
        assertThat(created).as("the mixed sample's trials with Danish sites").isGreaterThanOrEqualTo(2);
        assertThat(skipped)
                .as("most of the sample's trials have no site in Denmark")
                .isGreaterThan(100);
        assertThat(rejected)
                .allSatisfy(rejection -> assertThat(rejection.toString()).contains("reason="));
        assertThat(importFile(directory.get(), false))
                .containsEntry("unchanged", created)
                .containsEntry("created", 0);
    }

    @Test
    @Order(4)
    void theNordicAactSampleImportsThroughTheSamePipeline() throws IOException {
        var csv = SharedData.directory("nordic").map(dir -> dir.resolve("ctgov_nordic_aact_sample.csv"));
        Assumptions.assumeTrue(csv.isPresent() && Files.exists(csv.get()), "AACT sample absent: no shared/data/nordic");
        var summary = importFile(csv.get(), false);
        int created = (Integer) summary.get("created");
        int skipped = (Integer) summary.get("skippedNotDanish");
        var rejected = (java.util.List<?>) summary.get("rejected");
        @SuppressWarnings("unchecked")
        var reasons = (Map<String, Integer>) summary.get("rejectionReasons");
        System.out.printf(
                "Nordic AACT sample: %d created, %d skipped (not Danish), %d rejected %s%n",
                created, skipped, rejected.size(), reasons);
        assertThat(created + skipped + rejected.size() + (Integer) summary.get("unchanged"))
                .isEqualTo(2165);
        assertThat(created).as("the 919 Danish-led trials").isGreaterThan(850);
        assertThat(skipped)
                .as("led from Sweden, Norway, Finland, Iceland or from no country given")
                .isEqualTo(2165 - 919);
        assertThat(rejected.size()).as("fewer than 5 %% rejected").isLessThan(2165 / 20);
        assertThat(reasons.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(rejected.size());
        assertThat(reasons.keySet()).noneMatch(reason -> reason.contains("needs at least one condition"));

        var unclassified = FhirClients.anonymous(port)
                .search()
                .forResource(ResearchStudy.class)
                .where(new ca.uhn.fhir.rest.gclient.StringClientParam("condition:text")
                        .matches()
                        .value(dk.trialport.search.vocabulary.CodedCondition.NOT_CLASSIFIED))
                .returnBundle(Bundle.class)
                .execute();
        assertThat(unclassified.getEntry())
                .as("trials whose condition is not classified are findable")
                .isNotEmpty();

        var rows = new tools.jackson.dataformat.csv.CsvMapper()
                .readerFor(Map.class)
                .with(tools.jackson.dataformat.csv.CsvSchema.emptySchema().withHeader())
                .<Map<String, String>>readValues(csv.get().toFile())
                .readAll();
        int checked = 0;
        for (var row : rows.subList(0, 60)) {
            var found = FhirClients.anonymous(port)
                    .search()
                    .forResource(ResearchStudy.class)
                    .where(new TokenClientParam("identifier")
                            .exactly()
                            .systemAndCode(TrialportFhir.TrialIdentifier.NCT, row.get("nct_id")))
                    .returnBundle(Bundle.class)
                    .execute();
            if (found.getEntry().isEmpty()) {
                continue;
            }
            var study = (ResearchStudy) found.getEntryFirstRep().getResource();
            var title = row.get("official_title").isBlank() ? row.get("brief_title") : row.get("official_title");
            assertThat(study.getTitle()).isEqualTo(title);
            assertThat(study.getSponsor().getDisplay())
                    .isEqualTo(row.get("sponsors").split(";")[0].strip());
            assertThat(row.get("lead_country"))
                    .as("only Danish-led trials are imported")
                    .isEqualTo("Denmark");
            assertThat(study.getSiteFirstRep().getDisplay())
                    .as("the lead institution is the site")
                    .isEqualTo(row.get("lead_institution").split(";")[0].strip());
            if ("Completed".equals(row.get("overall_status"))) {
                assertThat(study.getStatus().toCode()).isEqualTo("completed");
            }
            checked++;
        }
        assertThat(checked).as("rows checked field by field").isGreaterThan(10);
    }

    private ResearchStudy study(String nct) {
        var bundle = FhirClients.anonymous(port)
                .search()
                .forResource(ResearchStudy.class)
                .where(new TokenClientParam("identifier")
                        .exactly()
                        .systemAndCode(TrialportFhir.TrialIdentifier.NCT, nct))
                .returnBundle(Bundle.class)
                .execute();
        return (ResearchStudy) bundle.getEntryFirstRep().getResource();
    }

    private Map<String, Object> importFile(Path path, boolean full) {
        return new OperatorImport(port, issuer).run(path, null, full);
    }
}
