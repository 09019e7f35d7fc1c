package dk.trialport.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dk.trialport.fhir.TrialportFhir.Extensions;
import dk.trialport.fhir.TrialportFhir.TrialIdentifier;
import dk.trialport.support.FhirClients;
import dk.trialport.support.TrialportIntegrationTest;
import java.nio.file.Path;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Range;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One trial registered in ClinicalTrials.gov (listing its EU CT and EudraCT numbers) and in CTIS (listing
 * its NCT number) is one ResearchStudy with both registries' identifiers and provenance; importing either
 * registry again changes nothing.
 */
@TrialportIntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrossRegistryMergeIT {

    private static final Path CTGOV = Path.of("src/test/resources/fhir/r4/ctgov/studies.json");
    private static final Path CTIS = Path.of("src/test/resources/fhir/r4/ctis/sema-ex.json");
    private static final Path INFANT_AGES = Path.of("src/test/resources/fhir/r4/ctgov/infant-ages.json");

    @LocalServerPort
    int port;

    @Value("${trialport.identity.issuer}")
    String issuer;

    private OperatorImport operator;

    @BeforeEach
    void operator() {
        operator = new OperatorImport(port, issuer);
    }

    @Test
    @Order(1)
    void theSameTrialFromBothRegistriesIsOneResearchStudy() {
        assertThat(operator.run(CTGOV, "ctgov")).containsEntry("created", 1);
        assertThat(operator.run(CTIS, "ctis"))
                .containsEntry("created", 0)
                .containsEntry("updated", 1)
                .containsEntry("unchanged", 0);

        var study = operator.study(TrialIdentifier.NCT, "NCT06111111");
        assertThat(operator.study(TrialIdentifier.EU_CT, "2023-501234-12-00")
                        .getIdElement()
                        .getIdPart())
                .isEqualTo(study.getIdElement().getIdPart());
        assertThat(allStudies()).as("one trial in the catalogue").isEqualTo(1);
        assertThat(study.getIdentifier())
                .extracting(Identifier::getSystem, Identifier::getValue, Identifier::getUse)
                .contains(
                        tuple(TrialIdentifier.NCT, "NCT06111111", Identifier.IdentifierUse.OFFICIAL),
                        tuple(TrialIdentifier.EU_CT, "2023-501234-12-00", Identifier.IdentifierUse.OFFICIAL),
                        tuple(TrialIdentifier.EUDRACT, "2021-004512-33", Identifier.IdentifierUse.SECONDARY));
        assertThat(study.getIdentifier())
                .extracting(Identifier::getValue)
                .contains("RH-ENDO-2023-07", "H-21034567")
                .doesNotHaveDuplicates();
        assertThat(study.getMeta().getTag()).extracting(Coding::getCode).containsExactly("clinicaltrials.gov", "ctis");

        var records = study.getExtensionsByUrl(RegistryImport.SOURCE_RECORD);
        assertThat(records)
                .extracting(
                        r -> ((Coding) r.getExtensionByUrl("source").getValue()).getCode(),
                        r -> ((Identifier) r.getExtensionsByUrl("identifier")
                                        .get(0)
                                        .getValue())
                                .getValue())
                .containsExactly(tuple("clinicaltrials.gov", "NCT06111111"), tuple("ctis", "2023-501234-12-00"));
        assertThat(records)
                .allSatisfy(r -> assertThat(r.getExtensionByUrl("imported")).isNotNull());
        assertThat(elements(records.get(0))).contains("title", "status", "condition", "site", "sponsor", "enrollment");
        assertThat(elements(records.get(1))).containsExactly("label", "location");

        assertThat(study.getTitle()).as("ClinicalTrials.gov's").startsWith("A Randomised, Double-blind");
        var label = (StringType) study.getExtensionsByUrl(Extensions.LABEL)
                .get(0)
                .getExtensionByUrl("value")
                .getValue();
        assertThat(label.getExtensionByUrl(Extensions.TRANSLATION)
                        .getExtensionByUrl("content")
                        .getValue()
                        .primitiveValue())
                .as("CTIS's Danish lay title")
                .isEqualTo("Semaglutid og superviseret træning ved type 2-diabetes");
        assertThat(study.getLocation())
                .extracting(l -> l.getCodingFirstRep().getCode())
                .containsExactly("DK", "SE");
        assertThat(study.getSite())
                .extracting(s -> s.getDisplay())
                .containsExactly("Rigshospitalet", "Aarhus Universitetshospital");
        assertThat(locations()).as("CTIS's copies of the sites are not stored").isEqualTo(2);
    }

    @Test
    @Order(2)
    void importingEitherRegistryAgainChangesNothing() {
        var before =
                operator.study(TrialIdentifier.NCT, "NCT06111111").getMeta().getVersionId();

        assertThat(operator.run(CTGOV, null)).containsEntry("unchanged", 1).containsEntry("updated", 0);
        assertThat(operator.run(CTIS, null)).containsEntry("unchanged", 1).containsEntry("updated", 0);
        assertThat(operator.run(CTGOV, "ctgov")).containsEntry("unchanged", 1).containsEntry("updated", 0);

        assertThat(operator.study(TrialIdentifier.NCT, "NCT06111111").getMeta().getVersionId())
                .isEqualTo(before);
        assertThat(allStudies()).isEqualTo(1);
    }

    @Test
    @Order(3)
    void aClinicalTrialsGovRecordWithAgesInMonthsAndYearsImports() {
        Map<String, Object> summary = operator.run(INFANT_AGES, "ctgov");
        assertThat(summary).containsEntry("created", 1);
        var age = (Range) operator
                .study(TrialIdentifier.NCT, "NCT06444444")
                .getContained()
                .get(0)
                .getNamedProperty("characteristic")
                .getValues()
                .stream()
                .map(c -> ((org.hl7.fhir.r4.model.Group.GroupCharacteristicComponent) c).getValue())
                .filter(Range.class::isInstance)
                .findFirst()
                .orElseThrow();
        assertThat(age.getLow())
                .extracting(Quantity::getCode, q -> q.getValue().intValue())
                .containsExactly("mo", 6);
        assertThat(age.getHigh())
                .extracting(Quantity::getCode, q -> q.getValue().intValue())
                .containsExactly("mo", 24);
    }

    private static java.util.List<String> elements(Extension record) {
        return record.getExtensionsByUrl("element").stream()
                .map(e -> e.getValue().primitiveValue())
                .toList();
    }

    private int allStudies() {
        return FhirClients.anonymous(port)
                .search()
                .forResource(ResearchStudy.class)
                .count(100)
                .returnBundle(Bundle.class)
                .execute()
                .getEntry()
                .size();
    }

    private int locations() {
        return FhirClients.anonymous(port)
                .search()
                .forResource(Location.class)
                .count(100)
                .returnBundle(Bundle.class)
                .execute()
                .getEntry()
                .size();
    }
}
