package dk.trialport.registry.ctgov;

import static dk.trialport.support.FhirTestSupport.study;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import dk.trialport.fhir.TrialportFhir.CodeSystems;
import dk.trialport.fhir.TrialportFhir.Extensions;
import dk.trialport.fhir.TrialportFhir.TrialIdentifier;
import dk.trialport.support.FhirTestSupport;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Range;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.hl7.fhir.r4.model.ResearchStudy.ResearchStudyStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The trial's own fields, one by one, on the project's own three studies. */
class CtgovStudyMapperTest {

    private static final CtgovStudyMapper MAPPER = new CtgovStudyMapper();
    private static List<JsonNode> studies;

    @BeforeAll
    static void readFixture() throws IOException {
        studies = CtgovReader.readAll(FhirTestSupport.fixture());
    }

    @Test
    void mapsTheTrialFieldByField() {
        var bundle = MAPPER.toTransaction(studies.get(0), SiteFilter.ALL);
        var study = study(bundle);

        assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.TRANSACTION);
        assertThat(bundle.getEntryFirstRep().getRequest().getMethod()).isEqualTo(Bundle.HTTPVerb.PUT);
        assertThat(bundle.getEntryFirstRep().getRequest().getUrl())
                .isEqualTo("ResearchStudy?identifier=https://clinicaltrials.gov|NCT06111111");
        assertThat(study.getIdentifier())
                .extracting(Identifier::getSystem, Identifier::getValue)
                .containsExactly(
                        tuple(TrialIdentifier.NCT, "NCT06111111"),
                        tuple(TrialIdentifier.LOCAL_PROTOCOL, "RH-ENDO-2023-07"),
                        tuple(TrialIdentifier.EUDRACT, "2021-004512-33"),
                        tuple(TrialIdentifier.EU_CT, "2023-501234-12-00"),
                        tuple(TrialIdentifier.LOCAL_PROTOCOL, "H-21034567"));
        assertThat(study.getIdentifier().get(4).getType().getText())
                .isEqualTo("De Videnskabsetiske Komitéer for Region Hovedstaden");
        assertThat(study.getTitle()).startsWith("A Randomised, Double-blind, Placebo-controlled Trial");
        var labels = study.getExtensionsByUrl(Extensions.LABEL);
        assertThat(labels)
                .extracting(l -> l.getExtensionString("value"))
                .containsExactly("Semaglutide and Supervised Exercise in Adults With Type 2 Diabetes", "SEMA-EX");
        assertThat(((CodeableConcept) labels.get(0).getExtensionByUrl("type").getValue())
                        .getCodingFirstRep()
                        .getCode())
                .isEqualTo("plain-language");
        assertThat(study.getDescription()).startsWith("Participants are randomised 1:1");
        assertThat(study.getExtensionString(Extensions.DESCRIPTION_SUMMARY)).startsWith("The trial tests whether");
        assertThat(study.getStatus()).isEqualTo(ResearchStudyStatus.ACTIVE);
        assertThat(coding(study, Extensions.RECRUITMENT_STATUS).getCode()).isEqualTo("recruiting");
        assertThat(study.getPhase().getCodingFirstRep().getCode()).isEqualTo("phase-3");
        assertThat(study.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("interventional");
        assertThat(study.getFocus())
                .extracting(CodeableConcept::getText)
                .containsExactly("Semaglutide", "Placebo", "Supervised exercise");
        assertThat(study.getKeyword())
                .extracting(CodeableConcept::getText)
                .containsExactly("GLP-1 receptor agonist", "exercise", "HbA1c");
        assertThat(study.getArm())
                .extracting(a -> a.getName(), a -> a.getType().getText())
                .containsExactly(
                        tuple("Semaglutide and exercise", "Experimental"),
                        tuple("Placebo and exercise", "Placebo comparator"));
        assertThat(study.getPeriod().getStartElement().getValueAsString()).isEqualTo("2024-03-01");
        assertThat(study.getPeriod().getEndElement().getValueAsString()).isEqualTo("2026-12");
        assertThat(study.getSponsor().getDisplay()).isEqualTo("Rigshospitalet, Denmark");
        assertThat(study.getContactFirstRep().getName()).isEqualTo("Hanne Berg, RN");
        assertThat(study.getContactFirstRep().getTelecom())
                .extracting(ContactPoint::getValue)
                .containsExactly("+45 35 45 00 00 ext. 1234", "sema-ex@example.org");
        var recruitment = study.getExtensionByUrl(Extensions.RECRUITMENT);
        assertThat(recruitment.getExtensionByUrl("targetNumber").getValue().primitiveValue())
                .isEqualTo("240");
        assertThat(recruitment.getExtensionByUrl("actualNumber")).isNull();
        assertThat(study.getExtensionByUrl(Extensions.SITES_OUTSIDE_DENMARK)).isNull();
    }

    @Test
    void attachesMeshWhereTheTermNamesTheCondition() {
        var conditions =
                study(MAPPER.toTransaction(studies.get(0), SiteFilter.ALL)).getCondition();

        assertThat(conditions)
                .extracting(CodeableConcept::getText, c -> c.getCodingFirstRep().getCode())
                .containsExactly(tuple("Type 2 Diabetes Mellitus", "D003924"), tuple("Obesity", "D009765"));
        assertThat(conditions.get(0).getCodingFirstRep().getSystem()).isEqualTo(CodeSystems.MESH);
        assertThat(conditions.get(0).getCodingFirstRep().getDisplay()).isEqualTo("Diabetes Mellitus, Type 2");

        var unmatched =
                study(MAPPER.toTransaction(studies.get(1), SiteFilter.ALL)).getCondition();
        assertThat(unmatched)
                .extracting(CodeableConcept::getText, c -> c.getCodingFirstRep().getCode())
                .containsExactly(tuple("Childhood Asthma", null), tuple(null, "D001249"));
    }

    @Test
    void describesEligibilityInAContainedGroup() {
        var study = study(MAPPER.toTransaction(studies.get(0), SiteFilter.ALL));
        var group = (Group) study.getContained().get(0);

        assertThat(study.getEnrollmentFirstRep().getReference()).isEqualTo("#eligibility");
        assertThat(group.getType()).isEqualTo(Group.GroupType.PERSON);
        assertThat(group.getActual()).isFalse();
        var age = (Range) characteristic(group, "30525-0").getValue();
        assertThat(age.getLow().getValue()).isEqualByComparingTo(new BigDecimal(18));
        assertThat(age.getHigh().getValue()).isEqualByComparingTo(new BigDecimal(75));
        assertThat(age.getHigh().getCode()).isEqualTo("a");
        assertThat(characteristic(group, "263495000"))
                .as("sex ALL gives no characteristic")
                .isNull();
        assertThat(characteristic(group, "healthy-volunteers").getValue().primitiveValue())
                .isEqualTo("false");
        assertThat(group.getExtensionString(Extensions.ELIGIBILITY_CRITERIA)).startsWith("Inclusion Criteria:");
    }

    @Test
    void leavesOutWhatTheRegistryDoesNotGive() {
        var child = study(MAPPER.toTransaction(studies.get(1), SiteFilter.ALL));
        var childGroup = (Group) child.getContained().get(0);

        assertThat(child.getTitle()).isEqualTo("Home Air Quality and Asthma Attacks in Young Children");
        assertThat(child.getDescription()).startsWith("An observational cohort");
        assertThat(child.hasPhase()).isFalse();
        var age = (Range) characteristic(childGroup, "30525-0").getValue();
        assertThat(age.getLow().getCode()).isEqualTo("mo");
        assertThat(age.hasHigh()).as("no maximum age, no upper bound").isFalse();
        assertThat(((CodeableConcept) characteristic(childGroup, "263495000").getValue())
                        .getCodingFirstRep()
                        .getCode())
                .isEqualTo("female");
        assertThat(child.getStatus()).isEqualTo(ResearchStudyStatus.APPROVED);

        var stale = study(MAPPER.toTransaction(studies.get(2), SiteFilter.ALL));
        var staleGroup = (Group) stale.getContained().get(0);
        assertThat(stale.getStatus()).as("UNKNOWN takes the last known status").isEqualTo(ResearchStudyStatus.ACTIVE);
        assertThat(coding(stale, Extensions.RECRUITMENT_STATUS).getCode()).isEqualTo("unknown");
        assertThat(stale.getPhase().getCodingFirstRep().getCode()).isEqualTo("phase-1-phase-2");
        assertThat(characteristic(staleGroup, "30525-0")).as("N/A ages").isNull();
        assertThat(characteristic(staleGroup, "healthy-volunteers")).isNull();
        assertThat(stale.getExtensionByUrl(Extensions.RECRUITMENT)
                        .getExtensionByUrl("actualNumber")
                        .getValue()
                        .primitiveValue())
                .isEqualTo("42");
        assertThat(stale.getPeriod().hasEnd())
                .as("a completion month before the start day")
                .isFalse();
        assertThat(stale.getIdentifier().get(2).getSystem()).isEqualTo(TrialIdentifier.EU_CT);
    }

    private static Coding coding(ResearchStudy study, String url) {
        return (Coding) study.getExtensionByUrl(url).getValue();
    }

    private static Group.GroupCharacteristicComponent characteristic(Group group, String code) {
        return group.getCharacteristic().stream()
                .filter(c -> code.equals(c.getCode().getCodingFirstRep().getCode()))
                .findFirst()
                .orElse(null);
    }
}
