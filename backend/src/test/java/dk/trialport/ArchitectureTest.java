package dk.trialport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Module boundaries the code must keep. */
@AnalyzeClasses(packages = "dk.trialport", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /**
     * HAPI's model stays in the FHIR adapter and in what writes FHIR through it (the registry importers and the
     * demo generators build transactions); the rest of the application sees the typed projection.
     */
    @ArchTest
    static final ArchRule onlyFhirUsesHapi = noClasses()
            .that()
            .resideOutsideOfPackages("dk.trialport.fhir..", "dk.trialport.registry..", "dk.trialport.demo..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.hl7.fhir..", "ca.uhn.fhir..");

    /** Demo data is a development aid: production code never needs it. */
    @ArchTest
    static final ArchRule nothingNeedsTheDemo = noClasses()
            .that()
            .resideOutsideOfPackage("dk.trialport.demo..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("dk.trialport.demo..");

    /** Each registry source stands alone: ClinicalTrials.gov, CTIS and AACT know nothing of each other. */
    @ArchTest
    static final ArchRule registrySourcesStandAlone =
            com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices()
                    .matching("dk.trialport.registry.(*)..")
                    .should()
                    .notDependOnEachOther();

    /** The catalogue is the system of record and knows nothing of who calls it. */
    @ArchTest
    static final ArchRule catalogueDependsOnNoCaller = noClasses()
            .that()
            .resideInAPackage("dk.trialport.catalogue..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "dk.trialport.fhir..",
                    "dk.trialport.portal..",
                    "dk.trialport.workspace..",
                    "dk.trialport.identity..");

    /** No servlet API in the WebFlux application. */
    @ArchTest
    static final ArchRule noServlets =
            noClasses().should().dependOnClassesThat().resideInAnyPackage("jakarta.servlet..");
}
