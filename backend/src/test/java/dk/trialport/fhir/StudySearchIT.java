package dk.trialport.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import dk.trialport.fhir.TrialportFhir.CodeSystems;
import dk.trialport.identity.IdentityProperties;
import dk.trialport.support.FhirClients;
import dk.trialport.support.TrialportIntegrationTest;
import java.util.List;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Range;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.hl7.fhir.r4.model.SearchParameter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A hospital finds trials by condition, status, phase, age and sex through FHIR search. */
@TrialportIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StudySearchIT {

    @LocalServerPort
    int port;

    @Autowired
    IdentityProperties identity;

    IGenericClient client;

    @BeforeAll
    void catalogue() {
        client = FhirClients.hospital(port, identity.issuer(), FhirClients.ALL_SCOPES);
        var department = client.create()
                .resource(TrialFixture.department("SEARCH-DEPT", "Aarhus Universitetshospital"))
                .execute()
                .getId()
                .toUnqualifiedVersionless()
                .getValue();
        var site = new Reference(client.create()
                .resource(TrialFixture.site("AUH, Endokrinologi", "Aarhus N", "8200", new Reference(department)))
                .execute()
                .getId()
                .toUnqualifiedVersionless()
                .getValue());

        var diabetesCappedAt75 = TrialFixture.recruiting("NCT70000001", site);
        eligibility(diabetesCappedAt75, 18, 75, null);
        recruitment(diabetesCappedAt75, "recruiting");
        client.create().resource(diabetesCappedAt75).execute();

        var breastCancerNoUpperBound = TrialFixture.recruiting("NCT70000002", site);
        breastCancerNoUpperBound.setTitle("Immunotherapy before surgery for early breast cancer");
        breastCancerNoUpperBound.getCondition().clear();
        breastCancerNoUpperBound.addCondition(new CodeableConcept()
                .setText("Breast cancer")
                .addCoding(new Coding(CodeSystems.SKS_DIAGNOSES, "DC50", "Brystkræft")));
        breastCancerNoUpperBound.setPhase(
                new CodeableConcept().addCoding(new Coding(CodeSystems.PHASE, "phase-2", null)));
        eligibility(breastCancerNoUpperBound, 18, null, "female");
        recruitment(breastCancerNoUpperBound, "recruiting");
        client.create().resource(breastCancerNoUpperBound).execute();

        var completedDiabetes = TrialFixture.recruiting("NCT70000003", site);
        completedDiabetes.setStatus(ResearchStudy.ResearchStudyStatus.COMPLETED);
        recruitment(completedDiabetes, "completed");
        client.create().resource(completedDiabetes).execute();
    }

    @Test
    void conditionCodeAndConditionTextFindTheDiabetesTrials() {
        assertThat(nct("ResearchStudy?condition=" + CodeSystems.SKS_DIAGNOSES + "|DE11"))
                .containsExactlyInAnyOrder("NCT70000001", "NCT70000003");
        assertThat(nct("ResearchStudy?condition:text=brystkræft")).containsExactly("NCT70000002");
    }

    @Test
    void age80ExcludesTrialsCappedAt75ButKeepsTrialsWithNoUpperBound() {
        assertThat(nct("ResearchStudy?age=80&recruitment-status=recruiting")).containsExactly("NCT70000002");
        assertThat(nct("ResearchStudy?age=40&recruitment-status=recruiting"))
                .containsExactlyInAnyOrder("NCT70000001", "NCT70000002");
    }

    @Test
    void sexStatusPhaseAndTitleNarrowTheResults() {
        assertThat(nct("ResearchStudy?sex=male&recruitment-status=recruiting")).containsExactly("NCT70000001");
        assertThat(nct("ResearchStudy?status=completed")).containsExactly("NCT70000003");
        assertThat(nct("ResearchStudy?phase=phase-2")).containsExactly("NCT70000002");
        assertThat(nct("ResearchStudy?title:contains=surgery")).containsExactly("NCT70000002");
    }

    @Test
    void trialsAreFoundBySiteAndSitesByDepartment() {
        var location = client.search()
                .byUrl("Location?_count=1")
                .returnBundle(Bundle.class)
                .execute()
                .getEntryFirstRep()
                .getResource()
                .getIdElement()
                .getIdPart();
        var department = ((org.hl7.fhir.r4.model.Location) client.read()
                        .resource(org.hl7.fhir.r4.model.Location.class)
                        .withId(location)
                        .execute())
                .getManagingOrganization()
                .getReferenceElement()
                .getIdPart();

        assertThat(nct("ResearchStudy?site=Location/" + location)).hasSize(3);
        assertThat(nct("ResearchStudy?site=" + location + "&condition:text=breast"))
                .containsExactly("NCT70000002");
        assertThat(client.search()
                        .byUrl("Location?organization=Organization/" + department)
                        .returnBundle(Bundle.class)
                        .execute()
                        .getTotal())
                .isEqualTo(1);
    }

    @Test
    void theCustomParametersArePublishedAsSearchParameters() {
        var parameter = client.read()
                .resource(SearchParameter.class)
                .withId("researchstudy-age")
                .execute();
        assertThat(parameter.getCode()).isEqualTo("age");
        assertThat(parameter.getBase()).extracting(b -> b.getValue()).containsExactly("ResearchStudy");
    }

    private List<String> nct(String search) {
        var bundle = client.search().byUrl(search).returnBundle(Bundle.class).execute();
        return bundle.getEntry().stream()
                .map(e -> ((ResearchStudy) e.getResource())
                        .getIdentifierFirstRep()
                        .getValue())
                .toList();
    }

    private static void recruitment(ResearchStudy study, String status) {
        study.addExtension(new Extension(
                TrialportFhir.Extensions.RECRUITMENT_STATUS, new Coding(CodeSystems.RECRUITMENT_STATUS, status, null)));
    }

    private static void eligibility(ResearchStudy study, int minimum, Integer maximum, String sex) {
        var group = new Group().setType(Group.GroupType.PERSON).setActual(false);
        group.setId("eligibility");
        var ages = new Range()
                .setLow(new Quantity()
                        .setValue(minimum)
                        .setSystem(CodeSystems.UCUM)
                        .setCode("a"));
        if (maximum != null) {
            ages.setHigh(
                    new Quantity().setValue(maximum).setSystem(CodeSystems.UCUM).setCode("a"));
        }
        group.addCharacteristic()
                .setExclude(false)
                .setValue(ages)
                .setCode(new CodeableConcept().addCoding(new Coding(CodeSystems.LOINC, "30525-0", "Age")));
        if (sex != null) {
            group.addCharacteristic()
                    .setExclude(false)
                    .setCode(new CodeableConcept().addCoding(new Coding(CodeSystems.SNOMED, "263495000", "Gender")))
                    .setValue(
                            new CodeableConcept().addCoding(new Coding(CodeSystems.ADMINISTRATIVE_GENDER, sex, null)));
        }
        group.addCharacteristic()
                .setExclude(false)
                .setValue(new BooleanType(false))
                .setCode(new CodeableConcept()
                        .addCoding(new Coding(CodeSystems.ELIGIBILITY, "healthy-volunteers", null)));
        study.addContained(group);
        study.addEnrollment(new Reference("#eligibility"));
    }
}
