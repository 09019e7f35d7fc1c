package dk.trialport.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.trialport.fhir.TrialportFhir.CodeSystems;
import dk.trialport.fhir.TrialportFhir.Extensions;
import dk.trialport.fhir.TrialportFhir.TrialIdentifier;
import dk.trialport.registry.ctis.CtisSystems;
import dk.trialport.support.FhirClients;
import dk.trialport.support.TrialportIntegrationTest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.MarkdownType;
import org.hl7.fhir.r4.model.Range;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An operator imports CTIS records: trials with Danish sites appear, each refused record is counted with
 * its reason, importing again changes nothing, and a changed record makes one new version.
 */
@TrialportIntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CtisImportIT {

    static final Path FIXTURE = Path.of("src/test/resources/fhir/r4/ctis/trials.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Value("${trialport.identity.issuer}")
    String issuer;

    @TempDir
    Path temp;

    private OperatorImport operator;

    @BeforeEach
    void operator() {
        operator = new OperatorImport(port, issuer);
    }

    @Test
    @Order(1)
    void countsNewUpdatedUnchangedAndRejectedRecords() throws IOException {
        var first = operator.run(FIXTURE, "ctis");
        assertThat(first)
                .containsEntry("source", "ctis")
                .containsEntry("created", 3)
                .containsEntry("updated", 0)
                .containsEntry("unchanged", 0);
        assertThat(rejections(first))
                .containsExactlyInAnyOrder(
                        tuple("2024-512345-67-00", true), tuple("2025-520001-11-00", true), tuple("2023-12345", true));
        assertThat(reason(first, "2024-512345-67-00")).contains("A trial open for recruitment needs at least one site");
        assertThat(reason(first, "2025-520001-11-00")).contains("not authorised yet");
        assertThat(reason(first, "2023-12345")).contains("not an EU CT number");

        var again = operator.run(FIXTURE, null);
        assertThat(again)
                .as("told CTIS by the content")
                .containsEntry("source", "ctis")
                .containsEntry("created", 0)
                .containsEntry("updated", 0)
                .containsEntry("unchanged", 3);
        assertThat(study("2024-510987-23-00").getMeta().getVersionId()).isEqualTo("1");

        var trials = (ArrayNode) JSON.readTree(FIXTURE.toFile());
        ((ObjectNode) trials.get(0)).put("status", "Ongoing, recruitment ended");
        var changed = temp.resolve("changed.json");
        JSON.writeValue(changed.toFile(), trials);
        assertThat(operator.run(changed, "ctis")).containsEntry("updated", 1).containsEntry("unchanged", 2);
        var study = study("2024-510987-23-00");
        assertThat(study.getMeta().getVersionId()).isEqualTo("2");
        assertThat(study.getStatus()).isEqualTo(ResearchStudy.ResearchStudyStatus.CLOSEDTOACCRUAL);
        operator.run(FIXTURE, "ctis");
    }

    @Test
    @Order(2)
    void aRecordIsMappedFieldByField() {
        var study = study("2024-510987-23-00");

        assertThat(study.getIdentifier())
                .extracting(Identifier::getSystem, Identifier::getValue, Identifier::getUse)
                .containsExactly(
                        tuple(TrialIdentifier.EU_CT, "2024-510987-23-00", Identifier.IdentifierUse.OFFICIAL),
                        tuple(TrialIdentifier.LOCAL_PROTOCOL, "OUH-ORT-2024-02", null));
        assertThat(study.getTitle())
                .startsWith("A randomised, double-blind, placebo-controlled trial of tranexamic acid");
        var label = (StringType) study.getExtensionByUrl(Extensions.LABEL)
                .getExtensionByUrl("value")
                .getValue();
        assertThat(label.getValue()).isEqualTo("Tranexamic acid in hip fracture surgery in older adults");
        var translation = label.getExtensionByUrl(Extensions.TRANSLATION);
        assertThat(translation.getExtensionByUrl("lang").getValue().primitiveValue())
                .isEqualTo("da");
        assertThat(translation.getExtensionByUrl("content").getValue().primitiveValue())
                .isEqualTo("Tranexamsyre ved operation for hoftebrud hos ældre");
        assertThat(study.getDescription()).startsWith("To assess whether tranexamic acid");
        assertThat(study.getStatus()).isEqualTo(ResearchStudy.ResearchStudyStatus.ACTIVE);
        assertThat(((Coding) study.getExtensionByUrl(Extensions.RECRUITMENT_STATUS)
                                .getValue())
                        .getCode())
                .isEqualTo("recruiting");
        assertThat(study.getPhase().getCodingFirstRep().getCode()).isEqualTo("phase-3");
        assertThat(study.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("interventional");
        assertThat(study.getConditionFirstRep().getText()).isEqualTo("Hip fracture");
        assertThat(study.getConditionFirstRep().getCodingFirstRep())
                .extracting(Coding::getSystem, Coding::getCode)
                .containsExactly(CtisSystems.MEDDRA, "10020100");
        assertThat(study.getKeywordFirstRep().getText())
                .isEqualTo("Injuries, Poisonings and Occupational Diseases [C26]");
        assertThat(study.getPeriod().getStartElement().getValueAsString()).isEqualTo("2024-09-02");
        assertThat(study.getPeriod().getEndElement().getValueAsString()).isEqualTo("2027-03-31");
        assertThat(study.getContactFirstRep().getName()).isEqualTo("Ortopædkirurgisk Forskningsenhed");
        assertThat(study.getContactFirstRep().getTelecom())
                .extracting(t -> t.getValue())
                .containsExactly("+45 65 41 00 00", "txa-hip@example.org");
        assertThat(study.getLocation())
                .extracting(l -> l.getCodingFirstRep().getCode())
                .containsExactly("DK", "SE");
        assertThat(study.getSponsor().getDisplay()).isEqualTo("Odense Universitetshospital");
        assertThat(study.getExtensionByUrl(Extensions.SITES_OUTSIDE_DENMARK)
                        .getValue()
                        .primitiveValue())
                .isEqualTo("1");
        assertThat(study.getMeta().getTag(RegistryImport.SOURCE_SYSTEM, "ctis")).isNotNull();

        var client = FhirClients.anonymous(port);
        var sites = study.getSite().stream()
                .map(site -> client.read()
                        .resource(Location.class)
                        .withId(site.getReferenceElement().getIdPart())
                        .execute())
                .toList();
        assertThat(sites)
                .extracting(
                        Location::getName,
                        l -> l.getAddress().getCity(),
                        l -> l.getAddress().getPostalCode(),
                        l -> l.getAddress().getCountry())
                .containsExactly(
                        tuple("Odense Universitetshospital, Ortopædkirurgisk Afdeling O", "Odense C", "5000", "DK"),
                        tuple("Sygehus Lillebælt, Vejle Sygehus", "Vejle", "7100", "DK"));
        assertThat(sites.get(0).getAddress().getLine().get(0).getValue()).isEqualTo("J. B. Winsløws Vej 4");
        assertThat(sites.get(0).getManagingOrganization().getDisplay()).isEqualTo("Odense Universitetshospital");

        var eligibility = (Group) study.getContained().get(0);
        var age = (Range) characteristic(eligibility, "30525-0");
        assertThat(age.getLow().getValue()).isEqualByComparingTo("65");
        assertThat(age.getLow().getCode()).isEqualTo("a");
        assertThat(age.hasHigh()).as("65+ is open above").isFalse();
        assertThat(characteristic(eligibility, "263495000"))
                .as("both sexes: no restriction")
                .isNull();
        assertThat(((BooleanType) characteristic(eligibility, "healthy-volunteers")).getValue())
                .isFalse();
        assertThat(((MarkdownType) eligibility
                                .getExtensionByUrl(Extensions.ELIGIBILITY_CRITERIA)
                                .getValue())
                        .getValue())
                .isEqualTo(
                        "Inclusion Criteria:\n\n* Hip fracture needing surgery\n* Age 65 years or older\n\n"
                                + "Exclusion Criteria:\n\n* Thromboembolic event within the last 6 months\n* Severe kidney failure");

        var record = study.getExtensionByUrl(RegistryImport.SOURCE_RECORD);
        assertThat(((Coding) record.getExtensionByUrl("source").getValue()).getCode())
                .isEqualTo("ctis");
        assertThat(((Identifier) record.getExtensionsByUrl("identifier").get(0).getValue()).getValue())
                .isEqualTo("2024-510987-23-00");
        assertThat(record.getExtensionByUrl("imported")).isNotNull();
        assertThat(record.getExtensionsByUrl("element"))
                .extracting(e -> e.getValue().primitiveValue())
                .contains("title", "label", "status", "condition", "site", "enrollment", "location");
    }

    @Test
    @Order(3)
    void ageGroupsSexAndClosedTrialsWithoutDanishSites() {
        var children = study("2023-503456-41-00");
        var age = (Range) characteristic((Group) children.getContained().get(0), "30525-0");
        assertThat(List.of(
                        age.getLow().getValue().intValue(),
                        age.getHigh().getValue().intValue()))
                .containsExactly(6, 17);
        assertThat(children.getStatus()).isEqualTo(ResearchStudy.ResearchStudyStatus.APPROVED);
        assertThat(children.getPhase().getCodingFirstRep().getCode()).isEqualTo("phase-4");
        assertThat(children.getIdentifier())
                .extracting(Identifier::getSystem)
                .contains(TrialIdentifier.EUDRACT, TrialIdentifier.LOCAL_PROTOCOL);

        var ended = study("2022-500765-19-00");
        assertThat(ended.getStatus()).isEqualTo(ResearchStudy.ResearchStudyStatus.COMPLETED);
        assertThat(ended.hasSite()).isFalse();
        assertThat(ended.getExtensionByUrl(Extensions.SITES_OUTSIDE_DENMARK)
                        .getValue()
                        .primitiveValue())
                .isEqualTo("2");
        var group = (Group) ended.getContained().get(0);
        assertThat(((Coding) ((org.hl7.fhir.r4.model.CodeableConcept) characteristic(group, "263495000"))
                                .getCodingFirstRep())
                        .getCode())
                .isEqualTo("male");
        assertThat(((Range) characteristic(group, "30525-0")).getHigh().getValue())
                .isEqualByComparingTo("64");
        assertThat(ended.getIdentifier()).extracting(Identifier::getValue).contains("NCT05234567");
        assertThat(ended.getConditionFirstRep().getText()).isEqualTo("Haemophilia A");
        assertThat(ended.getPhase().getCodingFirstRep())
                .extracting(Coding::getSystem, Coding::getCode)
                .containsExactly(CodeSystems.PHASE, "phase-2");
    }

    private ResearchStudy study(String ctNumber) {
        return operator.study(TrialIdentifier.EU_CT, ctNumber);
    }

    private static org.hl7.fhir.r4.model.Type characteristic(Group group, String code) {
        return group.getCharacteristic().stream()
                .filter(c -> c.getCode().getCoding().stream().anyMatch(coding -> code.equals(coding.getCode())))
                .map(Group.GroupCharacteristicComponent::getValue)
                .findFirst()
                .orElse(null);
    }

    @SuppressWarnings("unchecked")
    private static List<org.assertj.core.groups.Tuple> rejections(Map<String, Object> summary) {
        return ((List<Map<String, Object>>) summary.get("rejected"))
                .stream()
                        .map(r -> tuple(r.get("record"), r.get("reason") != null))
                        .toList();
    }

    @SuppressWarnings("unchecked")
    private static String reason(Map<String, Object> summary, String record) {
        return ((List<Map<String, Object>>) summary.get("rejected"))
                .stream()
                        .filter(r -> record.equals(r.get("record")))
                        .map(r -> (String) r.get("reason"))
                        .findFirst()
                        .orElseThrow();
    }
}
