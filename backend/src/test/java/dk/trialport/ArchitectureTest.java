package dk.trialport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Module boundaries the code must keep. */
@AnalyzeClasses(packages = "dk.trialport", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  /** HAPI's model stays in the fhir module; the rest of the application sees the typed projection. */
  @ArchTest
  static final ArchRule onlyFhirUsesHapi = noClasses()
      .that().resideOutsideOfPackage("dk.trialport.fhir..")
      .should().dependOnClassesThat().resideInAnyPackage("org.hl7.fhir..", "ca.uhn.fhir..");

  /** The catalogue is the system of record and knows nothing of who calls it. */
  @ArchTest
  static final ArchRule catalogueDependsOnNoCaller = noClasses()
      .that().resideInAPackage("dk.trialport.catalogue..")
      .should().dependOnClassesThat().resideInAnyPackage("dk.trialport.fhir..", "dk.trialport.web..",
          "dk.trialport.identity..");

  /** No servlet API in the WebFlux application. */
  @ArchTest
  static final ArchRule noServlets = noClasses().should().dependOnClassesThat().resideInAnyPackage("jakarta.servlet..");
}
