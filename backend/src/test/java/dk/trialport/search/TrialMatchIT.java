package dk.trialport.search;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dk.trialport.catalogue.Outbox;
import dk.trialport.support.FhirClients;
import dk.trialport.support.SharedData;
import dk.trialport.support.Tokens;
import dk.trialport.support.TrialportIntegrationTest;
import java.nio.file.Files;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A hospital pre-screens a patient against open trials with ResearchStudy/$match; nothing of the patient is kept. */
@TrialportIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrialMatchIT {

    private static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json");

    @LocalServerPort
    int port;

    @Value("${trialport.identity.issuer}")
    String issuer;

    @Autowired
    Outbox outbox;

    @Autowired
    ElasticsearchClient elasticsearch;

    @Autowired
    DatabaseClient database;

    WebTestClient web;
    String token;

    @BeforeAll
    void catalogue() {
        SearchTestSupport.publish(port, issuer, SearchFixture.CATALOGUE);
        SearchTestSupport.awaitIndexed(outbox, elasticsearch);
        web = FhirClients.web(port);
        token = Tokens.clientCredentials(
                issuer, "demo-hospital-readonly", "demo-hospital-readonly-secret", "system/ResearchStudy.rs");
    }

    @Test
    void aPatientWithType2DiabetesNearAarhusMatchesTheDiabetesTrialThere() {
        var patient = patient("1966-04-02", AdministrativeGender.FEMALE, "44054006", "Diabetes");
        var parameters = new Parameters();
        parameters.addParameter().setName("trialMatchClinicalData").setResource(patient);
        parameters.addParameter().setName("zipCode").setValue(new StringType("8000"));
        parameters.addParameter().setName("travelRadius").setValue(new DecimalType(60));
        long resourcesBefore = count();

        var result = match(parameters);
        assertThat(keys(result)).containsExactly("t2d");
        assertThat(result.getEntryFirstRep().getSearch().getScore().doubleValue())
                .isBetween(0.5, 1.0);
        assertThat(count()).as("nothing of the patient is stored").isEqualTo(resourcesBefore);

        var anywhere = new Parameters();
        anywhere.addParameter().setName("trialMatchClinicalData").setResource(patient);
        anywhere.addParameter().setName("recruitmentStatus").setValue(new StringType("all"));
        assertThat(keys(match(anywhere))).containsExactlyInAnyOrder("t2d", "t2d-done");
    }

    @Test
    void aManWithBreastCancerFindsNoTrialForWomenOnly() {
        var parameters = new Parameters();
        parameters
                .addParameter()
                .setName("trialMatchClinicalData")
                .setResource(patient("1950-01-01", AdministrativeGender.MALE, "254837009", "Breast cancer"));
        assertThat(keys(match(parameters))).isEmpty();
    }

    @Test
    void aSnomedChildOfCopdFindsTheCopdTrial() {
        var parameters = new Parameters();
        parameters
                .addParameter()
                .setName("trialMatchClinicalData")
                .setResource(patient(
                        "1960-05-05", AdministrativeGender.MALE, "185086009", "Chronic obstructive bronchitis"));
        assertThat(keys(match(parameters))).contains("copd");
    }

    @Test
    void aRequestWithoutClinicalDataIsRefusedWithAnOperationOutcome() {
        web.post()
                .uri("/fhir/ResearchStudy/$match")
                .headers(h -> h.setBearerAuth(token))
                .contentType(FHIR_JSON)
                .bodyValue("{\"resourceType\":\"Parameters\"}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.resourceType")
                .isEqualTo("OperationOutcome");
        web.post()
                .uri("/fhir/ResearchStudy/$match")
                .contentType(FHIR_JSON)
                .bodyValue("{\"resourceType\":\"Parameters\"}")
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    @Test
    void everySyntheaPatientCanBeMatched() throws Exception {
        var directory = SharedData.directory("synthea");
        Assumptions.assumeTrue(directory.isPresent(), "Synthea patients absent: no shared/data/synthea");
        try (var files = Files.list(directory.get())) {
            for (var file : files.filter(f -> f.toString().endsWith(".json") && !f.endsWith("manifest.json"))
                    .toList()) {
                var bundle = FhirClients.CONTEXT.newJsonParser().parseResource(Bundle.class, Files.readString(file));
                var parameters = new Parameters();
                parameters.addParameter().setName("trialMatchClinicalData").setResource(bundle);
                parameters.addParameter().setName("recruitmentStatus").setValue(new StringType("all"));
                var response = web.post()
                        .uri("/fhir/ResearchStudy/$match")
                        .headers(h -> h.setBearerAuth(token))
                        .contentType(FHIR_JSON)
                        .bodyValue(FhirClients.CONTEXT.newJsonParser().encodeResourceToString(parameters))
                        .exchange()
                        .expectBody(String.class)
                        .returnResult();
                assertThat(response.getStatus().value())
                        .as(file.getFileName().toString())
                        .isIn(200, 422);
                if (file.getFileName().toString().startsWith("Louis_Maggio")) {
                    var found =
                            FhirClients.CONTEXT.newJsonParser().parseResource(Bundle.class, response.getResponseBody());
                    assertThat(keys(found))
                            .as("the Synthea patient with type 2 diabetes")
                            .contains("t2d");
                }
            }
        }
    }

    private Bundle match(Parameters parameters) {
        var body = web.post()
                .uri("/fhir/ResearchStudy/$match")
                .headers(h -> h.setBearerAuth(token))
                .contentType(FHIR_JSON)
                .bodyValue(FhirClients.CONTEXT.newJsonParser().encodeResourceToString(parameters))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        return FhirClients.CONTEXT.newJsonParser().parseResource(Bundle.class, body);
    }

    private static Bundle patient(String born, AdministrativeGender gender, String snomed, String display) {
        var bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
        var patient = new Patient().setGender(gender).setBirthDateElement(new DateType(born));
        patient.setId("p1");
        bundle.addEntry()
                .setFullUrl("urn:uuid:6a1f1a1e-0000-4000-8000-000000000001")
                .setResource(patient);
        var condition = new Condition()
                .setCode(new CodeableConcept().addCoding(new Coding("http://snomed.info/sct", snomed, display)));
        condition
                .getClinicalStatus()
                .addCoding()
                .setSystem("http://terminology.hl7.org/CodeSystem/condition-clinical")
                .setCode("active");
        condition.getSubject().setReference("urn:uuid:6a1f1a1e-0000-4000-8000-000000000001");
        bundle.addEntry()
                .setFullUrl("urn:uuid:6a1f1a1e-0000-4000-8000-000000000002")
                .setResource(condition);
        return bundle;
    }

    private static List<String> keys(Bundle bundle) {
        return bundle.getEntry().stream()
                .map(entry -> (ResearchStudy) entry.getResource())
                .map(study -> study.getIdentifierFirstRep().getValue().replace("SEARCH-", ""))
                .toList();
    }

    private long count() {
        return database.sql("SELECT count(*) FROM fhir_resource")
                .map(row -> row.get(0, Long.class))
                .one()
                .block();
    }
}
