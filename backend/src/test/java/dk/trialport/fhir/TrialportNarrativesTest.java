package dk.trialport.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import dk.trialport.support.FhirTestSupport;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.junit.jupiter.api.Test;

/** Trialport's narrative templates: Danish text, English where the resource has it, valid XHTML. */
class TrialportNarrativesTest {

    private static final TrialportProfile PROFILE = TrialportProfile.get();

    @Test
    void aTrialReadsInDanishWithItsEnglishTitleAndSummary() {
        var study = (ResearchStudy) example("ResearchStudy").copy();
        study.setText(null);

        TrialportNarratives.generate(FhirTestSupport.CONTEXT, study);

        assertThat(study.getText().getStatus()).isEqualTo(Narrative.NarrativeStatus.GENERATED);
        var html = study.getText().getDivAsString();
        assertThat(html)
                .contains("Ny behandling af brystkræft", "A new treatment for breast cancer")
                .contains("Rekrutterer", "Forsøget undersøger", "This trial tests whether")
                .contains("Breast cancer", "NCT07000001", "Hanne Jensen", "4 uden for Danmark");
        assertThat(FhirTestSupport.errors(study)).isEmpty();
    }

    @Test
    void aSiteAndAnOrganizationHaveTheirNameAndAddress() {
        var site = (Location) example("Location").copy();
        var department = (Organization) example("Organization").copy();
        site.setText(null);
        department.setText(null);

        TrialportNarratives.generate(FhirTestSupport.CONTEXT, site);
        TrialportNarratives.generate(FhirTestSupport.CONTEXT, department);

        assertThat(site.getText().getDivAsString())
                .contains("Eksempelhospitalet, Onkologisk Afdeling", "Eksempelvej 1", "2100", "Region Hovedstaden");
        assertThat(department.getText().getDivAsString())
                .contains("SOR-id", "123456789012", "CVR-nummer", "Example Hospital, Department of Oncology");
        assertThat(FhirTestSupport.errors(site)).isEmpty();
        assertThat(FhirTestSupport.errors(department)).isEmpty();
    }

    @Test
    void aTaggedTrialHasItsNarrativeToo() {
        var study = (ResearchStudy) example("ResearchStudy").copy();
        study.getMeta().addTag("https://trialport.dk/fhir/CodeSystem/import-source", "ctis", null);

        TrialportNarratives.generate(FhirTestSupport.CONTEXT, study);

        assertThat(study.getText().getDivAsString()).contains("Ny behandling af brystkræft");
        assertThat(study.getMeta().getTag()).hasSize(1);
    }

    @Test
    void aNarrativeTheSenderWroteIsKept() {
        var department = new Organization().setName("Eget navn");
        department
                .getText()
                .setStatus(Narrative.NarrativeStatus.ADDITIONAL)
                .setDivAsString("<div>Vores egen tekst</div>");

        TrialportNarratives.generate(FhirTestSupport.CONTEXT, department);

        assertThat(department.getText().getDivAsString()).contains("Vores egen tekst");
    }

    private static org.hl7.fhir.r4.model.Resource example(String type) {
        return PROFILE.examples().stream()
                .filter(r -> r.fhirType().equals(type))
                .findFirst()
                .orElseThrow();
    }
}
