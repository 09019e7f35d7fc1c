package dk.trialport.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.trialport.fhir.TrialportFhir.Extensions;
import dk.trialport.fhir.TrialportFhir.TrialIdentifier;
import dk.trialport.support.Eventually;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * An imported trial is as fresh as its registry record: a ClinicalTrials.gov record last updated in 2019 is flagged
 * as possibly out of date the day Trialport first imports it (its page says the registry record has not been
 * updated since then, its result card is marked), while a record updated last month is current. The registry's date
 * is kept in the trial's provenance, and importing the same records again changes nothing.
 */
@dk.trialport.support.TrialportIntegrationTest
class ImportedTrialFreshnessIT {

    private static final Path FIXTURE = Path.of("src/test/resources/fhir/r4/ctgov/studies.json");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonMapper API = JsonMapper.builder().build();
    private static final String UNTOUCHED = "NCT06119001";
    private static final String RECENT = "NCT06119002";

    @LocalServerPort
    int port;

    @Value("${trialport.identity.issuer}")
    String issuer;

    @TempDir
    Path temp;

    @Test
    void anImportedTrialTakesTheFreshnessOfItsRegistryRecord() throws IOException {
        var lastMonth = LocalDate.now(ZoneOffset.UTC).minusMonths(1).toString();
        var records =
                JSON.createArrayNode().add(record(UNTOUCHED, "2019-03-01")).add(record(RECENT, lastMonth));
        var file = temp.resolve("freshness.json");
        JSON.writeValue(file.toFile(), records);
        var operator = new OperatorImport(port, issuer);

        assertThat(operator.run(file, "ctgov")).containsEntry("created", 2);
        assertThat(operator.run(file, "ctgov")).as("the same records again").containsEntry("unchanged", 2);

        var untouched = operator.study(TrialIdentifier.NCT, UNTOUCHED);
        var recent = operator.study(TrialIdentifier.NCT, RECENT);
        assertThat(registryUpdated(untouched)).isEqualTo("2019-03-01");
        assertThat(registryUpdated(recent)).isEqualTo(lastMonth);

        var web = operator.api();
        var untouchedPage = page(web, "/forsoeg/" + untouched.getIdPart());
        assertThat(untouchedPage)
                .contains("Oplysningerne er måske ikke opdaterede.")
                .contains("Forsøgets registrering er ikke blevet opdateret siden 01-03-2019");
        assertThat(page(web, "/forsoeg/" + untouched.getIdPart() + "?lang=en"))
                .contains("The trial&#39;s registry record has not been updated since 01-03-2019");
        assertThat(page(web, "/forsoeg/" + recent.getIdPart())).doesNotContain("måske ikke opdaterede");

        Eventually.await(
                () -> page(web, "/api/v1/trials?status=all&q=" + "semaglutide").contains(untouched.getIdPart()),
                "the imported trials are indexed");
        var items = API.readTree(page(web, "/api/v1/trials?status=all&q=semaglutide"))
                .get("items");
        for (var item : items) {
            var id = item.get("id").asString();
            if (id.equals(untouched.getIdPart())) {
                assertThat(item.get("stale").asBoolean())
                        .as("the 2019 record's card")
                        .isTrue();
            } else if (id.equals(recent.getIdPart())) {
                assertThat(item.has("stale")).as("last month's record's card").isFalse();
            }
        }
    }

    /** The fixture's Danish ClinicalTrials.gov record under another number, last updated at the registry on a day. */
    private static ObjectNode record(String nctId, String lastUpdatePosted) throws IOException {
        var record = (ObjectNode) ((ArrayNode) JSON.readTree(FIXTURE.toFile())).get(0);
        var protocol = (ObjectNode) record.get("protocolSection");
        var identification = (ObjectNode) protocol.get("identificationModule");
        identification.put("nctId", nctId);
        identification.putObject("orgStudyIdInfo").put("id", "FRESHNESS-" + nctId);
        identification.remove("secondaryIdInfos");
        ((ObjectNode) protocol.get("statusModule"))
                .putObject("lastUpdatePostDateStruct")
                .put("date", lastUpdatePosted)
                .put("type", "ACTUAL");
        return record;
    }

    private static String registryUpdated(ResearchStudy study) {
        return study.getExtensionsByUrl(Extensions.SOURCE_RECORD).stream()
                .map(record -> record.getExtensionByUrl("updated"))
                .filter(updated -> updated != null)
                .map(updated -> updated.getValue().primitiveValue())
                .findFirst()
                .orElse(null);
    }

    private static String page(org.springframework.test.web.reactive.server.WebTestClient web, String path) {
        return web.get()
                .uri(path)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }
}
