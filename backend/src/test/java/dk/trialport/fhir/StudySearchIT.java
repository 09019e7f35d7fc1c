package dk.trialport.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import dk.trialport.fhir.TrialportFhir.CodeSystems;
import dk.trialport.identity.IdentityProperties;
import dk.trialport.support.FhirClients;
import dk.trialport.support.TrialBuilder;
import dk.trialport.support.TrialportIntegrationTest;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
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
                .resource(TrialBuilder.department("SEARCH-DEPT", "Aarhus Universitetshospital"))
                .execute()
                .getId()
                .toUnqualifiedVersionless()
                .getValue();
        var site = new Reference(client.create()
                .resource(TrialBuilder.site("AUH, Endokrinologi", "Aarhus N", "8200", new Reference(department)))
                .execute()
                .getId()
                .toUnqualifiedVersionless()
                .getValue());

        client.create()
                .resource(TrialBuilder.registered("NCT70000001")
                        .at(site)
                        .ages(18, 75)
                        .healthyVolunteers(false)
                        .status("recruiting")
                        .study())
                .execute();
        client.create()
                .resource(TrialBuilder.registered("NCT70000002")
                        .at(site)
                        .titled("Immunotherapy before surgery for early breast cancer")
                        .condition("Breast cancer", CodeSystems.SKS_DIAGNOSES, "DC50", "Brystkræft")
                        .phase("phase-2")
                        .ages(18, null)
                        .sex("female")
                        .healthyVolunteers(false)
                        .status("recruiting")
                        .study())
                .execute();
        client.create()
                .resource(TrialBuilder.registered("NCT70000003")
                        .at(site)
                        .status("completed")
                        .study())
                .execute();
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
}
