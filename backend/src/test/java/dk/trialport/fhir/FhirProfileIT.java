package dk.trialport.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import dk.trialport.demo.DemoCatalogueAccess;
import dk.trialport.registry.OperatorImport;
import dk.trialport.support.SharedData;
import dk.trialport.support.TrialportIntegrationTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.utilities.npm.NpmPackage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Trialport's published profile as an integrator meets it: served under {@code /fhir}, named by the
 * CapabilityStatement, downloadable as a package, and — the proof — every resource the demo catalogue and the
 * imported registry fixtures serve is valid against it, checked by HAPI's instance validator loaded with only the
 * downloaded package and HL7's R4 core: no errors, no unknown extensions, no unknown Trialport code systems.
 */
@TrialportIntegrationTest
class FhirProfileIT {

    private static final FhirContext CONTEXT = FhirContext.forR4Cached();

    @LocalServerPort
    int port;

    @Value("${trialport.identity.issuer}")
    String issuer;

    @Autowired
    ApplicationContext application;

    @Test
    void servesTheProfileByIdAndByUrl() {
        var definition = read("/fhir/StructureDefinition/trialport-researchstudy", StructureDefinition.class);
        assertThat(definition.getUrl()).isEqualTo(TrialportProfile.RESEARCH_STUDY);
        assertThat(definition.getSnapshot().getElement()).isNotEmpty();
        assertThat(definition.getDifferential().getElement()).isNotEmpty();

        for (var url : List.of(
                "/fhir/StructureDefinition?url=" + TrialportFhir.Extensions.RECRUITMENT_STATUS,
                "/fhir/StructureDefinition?url=" + TrialportFhir.Extensions.LABEL,
                "/fhir/CodeSystem?url=" + TrialportFhir.CodeSystems.RECRUITMENT_STATUS,
                "/fhir/ValueSet?url=" + TrialportFhir.BASE + "/ValueSet/recruitment-status",
                "/fhir/SearchParameter?url=" + TrialportFhir.BASE + "/SearchParameter/researchstudy-age",
                "/fhir/CodeSystem?url=" + TrialportFhir.CodeSystems.STUDY_TYPE + "|" + TrialportProfile.VERSION)) {
            assertThat(read(url, Bundle.class).getTotal()).as(url).isEqualTo(1);
        }
        assertThat(read("/fhir/CodeSystem?url=https://example.org/nothing", Bundle.class)
                        .getTotal())
                .isZero();
        assertThat(read("/fhir/StructureDefinition", Bundle.class).getTotal()).isGreaterThanOrEqualTo(17);
        web().get()
                .uri("/fhir/CodeSystem/nothing-here")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody(String.class)
                .value(body -> assertThat(body).contains("OperationOutcome", "not part of Trialport's profile"));
        web().get().uri("/fhir/ValueSet?colour=blue").exchange().expectStatus().isBadRequest();
    }

    @Test
    void aWriteThatDeclaresTheProfileIsValidatedAgainstIt() {
        var token = dk.trialport.support.Tokens.clientCredentials(
                issuer, "demo-hospital", "demo-hospital-secret", "system/Organization.cruds");
        var body = "{\"resourceType\":\"Organization\",\"meta\":{\"profile\":[\"" + TrialportProfile.ORGANIZATION
                + "\"]},\"identifier\":[{\"system\":\"urn:oid:1.2.208.176.1.1\",\"value\":\"123\"}],"
                + "\"name\":\"Afdeling med forkert SOR-id\"}";
        web().post()
                .uri("/fhir/Organization")
                .headers(h -> h.setBearerAuth(token))
                .contentType(org.springframework.http.MediaType.parseMediaType("application/fhir+json"))
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isEqualTo(422)
                .expectBody(String.class)
                .value(body422 -> assertThat(body422).contains("OperationOutcome", "tp-sor-1"));
        var stored = CONTEXT.newJsonParser()
                .parseResource(
                        org.hl7.fhir.r4.model.Organization.class,
                        web().post()
                                .uri("/fhir/Organization")
                                .headers(h -> h.setBearerAuth(token))
                                .header("Prefer", "return=representation")
                                .contentType(org.springframework.http.MediaType.parseMediaType("application/fhir+json"))
                                .bodyValue(body.replace("\"123\"", "\"265421000016007\""))
                                .exchange()
                                .expectStatus()
                                .isCreated()
                                .expectBody(String.class)
                                .returnResult()
                                .getResponseBody());
        assertThat(stored.getText().getDivAsString()).contains("SOR-id", "265421000016007");
    }

    @Test
    void aWriteThatDeclaresNoProfileIsHeldToTrialportsProfileAlone() {
        var token = dk.trialport.support.Tokens.clientCredentials(
                issuer, "demo-hospital", "demo-hospital-secret", "system/Organization.cruds");
        var organization = "{\"resourceType\":\"Organization\",\"identifier\":[{\"system\":"
                + "\"urn:oid:1.2.208.176.1.1\",\"value\":\"123\"}],\"name\":\"Afdeling uden profil\"}";
        var transaction = "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[{\"fullUrl\":"
                + "\"urn:uuid:6f1c2a9e-1b1e-4c55-9a53-0d1f4a2b7c11\",\"resource\":" + organization
                + ",\"request\":{\"method\":\"POST\",\"url\":\"Organization\"}}]}";
        for (var write : List.of(List.of("/fhir/Organization", organization), List.of("/fhir", transaction))) {
            web().post()
                    .uri(write.get(0))
                    .headers(h -> h.setBearerAuth(token))
                    .contentType(org.springframework.http.MediaType.parseMediaType("application/fhir+json"))
                    .bodyValue(write.get(1))
                    .exchange()
                    .expectStatus()
                    .isEqualTo(422)
                    .expectBody(String.class)
                    .value(answer -> assertThat(answer).as(write.get(0)).contains("OperationOutcome", "tp-sor-1"));
        }
        web().post()
                .uri("/fhir/Organization")
                .headers(h -> h.setBearerAuth(token))
                .contentType(org.springframework.http.MediaType.parseMediaType("application/fhir+json"))
                .bodyValue(organization.replace("\"123\"", "\"265421000016007\""))
                .exchange()
                .expectStatus()
                .isCreated();
    }

    @Test
    void aLastUpdatedThatIsNoDateIsNamedWhole() {
        for (var type : List.of("Organization", "ResearchStudy")) {
            web().get()
                    .uri("/fhir/" + type + "?_lastUpdated=notadate")
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectBody(String.class)
                    .value(body -> assertThat(body)
                            .contains("OperationOutcome", "_lastUpdated=notadate: notadate is not a FHIR date"));
        }
    }

    @Test
    void theCapabilityStatementNamesTheProfilesAndTheSearchParameterDefinitions() {
        var statement = read("/fhir/metadata", CapabilityStatement.class);
        var resources = new LinkedHashMap<String, CapabilityStatement.CapabilityStatementRestResourceComponent>();
        statement.getRestFirstRep().getResource().forEach(r -> resources.put(r.getType(), r));
        TrialportProfile.PROFILE_OF.forEach(
                (type, profile) -> assertThat(resources.get(type).getSupportedProfile())
                        .extracting(p -> p.getValue())
                        .as(type)
                        .containsExactly(profile));
        assertThat(resources.get("ResearchStudy").getSearchParam())
                .allSatisfy(parameter -> assertThat(parameter.getDefinition())
                        .as(parameter.getName())
                        .isNotBlank());
        assertThat(resources.get("ResearchStudy").getSearchParam())
                .filteredOn(parameter -> parameter.getName().equals("recruitment-status"))
                .extracting(parameter -> parameter.getDefinition())
                .containsExactly(TrialportFhir.BASE + "/SearchParameter/researchstudy-recruitment-status");
        assertThat(resources).containsKeys("StructureDefinition", "CodeSystem", "ValueSet", "SearchParameter");
    }

    @Test
    void everyServedResourceIsValidAgainstTheDownloadedPackage() throws IOException {
        DemoCatalogueAccess.seed(application);
        var operator = new OperatorImport(port, issuer);
        operator.run(Path.of("src/test/resources/fhir/r4/ctgov/studies.json"), null);
        operator.run(Path.of("src/test/resources/fhir/r4/ctis/trials.json"), "ctis");
        SharedData.directory("ctgov").ifPresent(ctgov -> operator.run(ctgov, null));

        var validator = validatorWith(download());
        var served = new ArrayList<IBaseResource>();
        for (var type : List.of("ResearchStudy", "Location", "Organization", "PractitionerRole", "Group")) {
            served.addAll(all(type));
        }
        assertThat(served).hasSizeGreaterThan(150);
        served.add(read("/fhir/metadata", CapabilityStatement.class));
        served.add(read("/fhir/ResearchStudy?recruitment-status=recruiting&_count=5", Bundle.class));
        served.add(read("/fhir/Location?_count=5&_include=Location:organization", Bundle.class));
        served.add(CONTEXT.newJsonParser()
                .parseResource(web().get()
                        .uri("/fhir/ResearchStudy/unknown-trial")
                        .exchange()
                        .expectStatus()
                        .isNotFound()
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody()));
        served.addAll(TrialportProfile.get().examples());

        Map<String, List<String>> problems = new LinkedHashMap<>();
        for (var resource : served) {
            var bad = validator.validateWithResult(resource).getMessages().stream()
                    .filter(FhirProfileIT::isProblem)
                    .map(m -> m.getSeverity() + " " + m.getLocationString() + ": " + m.getMessage())
                    .toList();
            if (!bad.isEmpty()) {
                problems.put(resource.getIdElement().getValue() + " (" + resource.fhirType() + ")", bad);
            }
        }
        assertThat(problems).isEmpty();
        // the served trials, sites and organizations declare their profile and have a generated Danish narrative
        assertThat(served)
                .filteredOn(r ->
                        List.of("ResearchStudy", "Location", "Organization").contains(r.fhirType()))
                .allSatisfy(r -> assertThat(((org.hl7.fhir.r4.model.DomainResource) r)
                                .getText()
                                .getStatus())
                        .as(r.getIdElement().getValue())
                        .isEqualTo(org.hl7.fhir.r4.model.Narrative.NarrativeStatus.GENERATED));
        assertThat(served)
                .filteredOn(r -> TrialportProfile.PROFILE_OF.containsKey(r.fhirType()))
                .allSatisfy(r -> assertThat(
                                ((Resource) r).getMeta().hasProfile(TrialportProfile.PROFILE_OF.get(r.fhirType())))
                        .as(r.getIdElement().getValue())
                        .isTrue());
    }

    @Test
    void blindContactIsInTheProfileACandidateThatNamesThePersonBreaksIt() throws IOException {
        var validator = validatorWith(download());
        var candidate = (org.hl7.fhir.r4.model.ResearchSubject) TrialportProfile.get().examples().stream()
                .filter(r -> r.fhirType().equals("ResearchSubject"))
                .findFirst()
                .orElseThrow()
                .copy();
        assertThat(errors(validator, candidate)).isEmpty();

        ((org.hl7.fhir.r4.model.Patient) candidate.getContained().get(0))
                .addName()
                .setFamily("Jensen");

        assertThat(errors(validator, candidate))
                .as("a name is never sent to a team")
                .anyMatch(error -> error.contains("Patient.name"));
    }

    private static List<String> errors(FhirValidator validator, IBaseResource resource) {
        return validator.validateWithResult(resource).getMessages().stream()
                .filter(FhirProfileIT::isProblem)
                .map(m -> m.getLocationString() + ": " + m.getMessage())
                .toList();
    }

    /** An error, or any message about an unknown extension, profile or Trialport code system. */
    private static boolean isProblem(SingleValidationMessage message) {
        var text = message.getMessage() == null ? "" : message.getMessage();
        return message.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal()
                || text.contains("Unknown extension")
                || text.contains("could not be resolved")
                || text.contains(TrialportFhir.BASE)
                        && (text.contains("could not be found") || text.contains("Unknown"));
    }

    /** A fresh validator: HL7's R4 core and the downloaded package only; unknown extensions are errors. */
    private static FhirValidator validatorWith(byte[] tgz) throws IOException {
        var npm = NpmPackage.fromPackage(new ByteArrayInputStream(tgz));
        assertThat(npm.name()).isEqualTo(TrialportProfile.PACKAGE_NAME);
        assertThat(npm.version()).isEqualTo(TrialportProfile.VERSION);
        var support = new PrePopulatedValidationSupport(CONTEXT);
        var parser = CONTEXT.newJsonParser();
        var files = npm.listResources("StructureDefinition", "CodeSystem", "ValueSet", "SearchParameter");
        assertThat(files).hasSizeGreaterThanOrEqualTo(40);
        for (var file : files) {
            try (var in = npm.load("package", file)) {
                support.addResource(parser.parseResource(in));
            }
        }
        var chain = new ValidationSupportChain(
                new DefaultProfileValidationSupport(CONTEXT),
                support,
                new SnapshotGeneratingValidationSupport(CONTEXT),
                new InMemoryTerminologyServerValidationSupport(CONTEXT),
                new CommonCodeSystemsTerminologyService(CONTEXT));
        var instanceValidator = new FhirInstanceValidator(chain);
        instanceValidator.setAnyExtensionsAllowed(false);
        return CONTEXT.newValidator().registerValidatorModule(instanceValidator);
    }

    private byte[] download() {
        return web().get()
                .uri("/fhir/package.tgz")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentType("application/gzip")
                .expectHeader()
                .valueMatches("Content-Disposition", ".*dk\\.trialport\\.fhir-.*\\.tgz.*")
                .expectBody(byte[].class)
                .returnResult()
                .getResponseBody();
    }

    /** Every resource of a type, page by page. */
    private List<IBaseResource> all(String type) {
        var found = new ArrayList<IBaseResource>();
        var bundle = read("/fhir/" + type + "?_count=100", Bundle.class);
        while (true) {
            bundle.getEntry().forEach(e -> found.add(e.getResource()));
            var next = bundle.getLink("next");
            if (next == null) {
                return found;
            }
            var url = java.net.URI.create(next.getUrl());
            bundle = CONTEXT.newJsonParser()
                    .parseResource(
                            Bundle.class,
                            web().get()
                                    .uri(url)
                                    .exchange()
                                    .expectStatus()
                                    .isOk()
                                    .expectBody(String.class)
                                    .returnResult()
                                    .getResponseBody());
        }
    }

    private <T extends IBaseResource> T read(String uri, Class<T> type) {
        var body = web().get()
                .uri(uri)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        return CONTEXT.newJsonParser().parseResource(type, body);
    }

    private WebTestClient web() {
        return WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofMinutes(2))
                .codecs(c -> c.defaultCodecs().maxInMemorySize(32 * 1024 * 1024))
                .build();
    }
}
