package dk.trialport.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import dk.trialport.identity.IdentityProperties;
import dk.trialport.support.FhirClients;
import dk.trialport.support.Tokens;
import dk.trialport.support.TrialBuilder;
import dk.trialport.support.TrialportIntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/** The FHIR API holds to R4's rules for transactions, concurrency, search and content negotiation. */
@TrialportIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FhirStrictnessIT {

    private static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json");
    private static final String SYSTEM = TrialportFhir.BASE + "/sid/strictness";

    @LocalServerPort
    int port;

    @Autowired
    IdentityProperties identity;

    IGenericClient hospital;
    WebTestClient web;
    String token;
    Reference site;

    @BeforeAll
    void connect() {
        hospital = FhirClients.hospital(port, identity.issuer(), FhirClients.ALL_SCOPES);
        web = FhirClients.web(port);
        token = Tokens.demoHospital(identity.issuer(), FhirClients.ALL_SCOPES);
        var department = hospital.create()
                .resource(TrialBuilder.department("STRICT-1", "OUH, Kardiologisk Afdeling B"))
                .execute()
                .getId()
                .toUnqualifiedVersionless()
                .getValue();
        site = new Reference(hospital.create()
                .resource(TrialBuilder.site("OUH, Hjerteambulatoriet", "Odense C", "5000", new Reference(department)))
                .execute()
                .getId()
                .toUnqualifiedVersionless()
                .getValue());
    }

    @Test
    void aTransactionWithAnUnresolvedUrnUuidStoresNothing() {
        var bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        var department = TrialBuilder.department("STRICT-URN", "OUH, Afdeling uden forælder");
        department.setPartOf(new Reference("urn:uuid:0b9d1c7e-3333-4a0a-9a39-000000000099"));
        bundle.addEntry()
                .setFullUrl("urn:uuid:0b9d1c7e-3333-4a0a-9a39-000000000001")
                .setResource(department)
                .getRequest()
                .setMethod(Bundle.HTTPVerb.POST)
                .setUrl("Organization");

        assertThatThrownBy(() -> hospital.transaction().withBundle(bundle).execute())
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("urn:uuid:0b9d1c7e-3333-4a0a-9a39-000000000099");
        assertThat(total("Organization?identifier=" + TrialportFhir.SOR + "|" + TrialBuilder.sor("STRICT-URN")))
                .isZero();
    }

    @Test
    void transactionEntriesMustFitTogether() {
        var sharedFullUrl = "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":["
                + entry(
                        "urn:uuid:0b9d1c7e-3333-4a0a-9a39-000000000002",
                        "{\"resourceType\":\"Organization\",\"name\":\"A\"}")
                + ","
                + entry(
                        "urn:uuid:0b9d1c7e-3333-4a0a-9a39-000000000002",
                        "{\"resourceType\":\"Organization\",\"name\":\"B\"}")
                + "]}";
        var referencedWithoutFullUrl = "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":["
                + entry(null, "{\"resourceType\":\"Organization\",\"id\":\"parent\",\"name\":\"A\"}")
                + ","
                + entry(
                        null,
                        "{\"resourceType\":\"Organization\",\"name\":\"B\",\"partOf\":{\"reference\":\"Organization/parent\"}}")
                + "]}";
        var putWithAnotherId = "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[{\"resource\":"
                + "{\"resourceType\":\"Organization\",\"id\":\"strict-b\",\"name\":\"B\"},\"request\":{\"method\":\"PUT\","
                + "\"url\":\"Organization/strict-a\"}}]}";
        for (var body : List.of(sharedFullUrl, referencedWithoutFullUrl, putWithAnotherId)) {
            post("/fhir", body)
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.resourceType")
                    .isEqualTo("OperationOutcome");
        }
        assertThat(total("Organization?_id=strict-a")).isZero();
    }

    @Test
    void aBundleOfTooManyEntriesIsRefusedWith413AtOnce() {
        var entries = new ArrayList<String>();
        for (int i = 0; i < BundleController.MAX_ENTRIES + 1; i++) {
            entries.add("{\"request\":{\"method\":\"GET\",\"url\":\"Organization/x" + i + "\"}}");
        }
        long start = System.nanoTime();
        post(
                        "/fhir",
                        "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[" + String.join(",", entries)
                                + "]}")
                .expectStatus()
                .isEqualTo(413)
                .expectBody()
                .jsonPath("$.issue[0].code")
                .isEqualTo("too-costly");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
    }

    @Test
    void concurrentUpdatesOfOneVersionLeaveOneWinnerAndTheOthers412() throws Exception {
        var id = hospital.create()
                .resource(TrialBuilder.department("STRICT-RACE", "Race"))
                .execute()
                .getId()
                .getIdPart();
        var body = "{\"resourceType\":\"Organization\",\"id\":\"" + id + "\",\"name\":\"Race %d\"}";
        try (var pool = Executors.newFixedThreadPool(4)) {
            var statuses = new ArrayList<CompletableFuture<Integer>>();
            for (int i = 0; i < 4; i++) {
                int n = i;
                statuses.add(CompletableFuture.supplyAsync(
                        () -> web.put()
                                .uri("/fhir/Organization/" + id)
                                .headers(h -> h.setBearerAuth(token))
                                .header("If-Match", "W/\"1\"")
                                .contentType(FHIR_JSON)
                                .bodyValue(body.formatted(n))
                                .exchange()
                                .returnResult(String.class)
                                .getStatus()
                                .value(),
                        pool));
            }
            var results = statuses.stream().map(CompletableFuture::join).toList();
            assertThat(results).containsOnly(200, 412);
            assertThat(results.stream().filter(s -> s == 200)).hasSize(1);
        }
    }

    @Test
    void theHapiClientInJsonModeWritesConditionally() {
        var client = FhirClients.hospital(port, identity.issuer(), FhirClients.ALL_SCOPES);
        client.setEncoding(EncodingEnum.JSON);
        var organization = new Organization().setName("Conditional JSON");
        organization.addIdentifier().setSystem(SYSTEM).setValue("json-1");
        var created = client.create()
                .resource(organization)
                .conditional()
                .where(Organization.IDENTIFIER.exactly().systemAndCode(SYSTEM, "json-1"))
                .execute();
        assertThat(created.getCreated()).isTrue();
        organization.setName("Conditional JSON, renamed");
        client.update()
                .resource(organization)
                .conditional()
                .where(Organization.IDENTIFIER.exactly().systemAndCode(SYSTEM, "json-1"))
                .execute();
        assertThat(total("Organization?identifier=" + SYSTEM + "|json-1")).isEqualTo(1);
    }

    @Test
    void trialsAreFoundByTheirPeriodAndEveryTrialOfAnIdentifierSystem() {
        var ended = TrialBuilder.registered("NCT81000001").at(site).study();
        ended.setPeriod(
                new Period().setStartElement(new DateTimeType("2019-03")).setEndElement(new DateTimeType("2021")));
        hospital.create().resource(ended).execute();
        var running = TrialBuilder.registered("NCT81000002").at(site).study();
        running.setPeriod(new Period().setStartElement(new DateTimeType("2025-01-15")));
        hospital.create().resource(running).execute();

        assertThat(ncts("ResearchStudy?date=ge2023")).containsExactly("NCT81000002");
        assertThat(ncts("ResearchStudy?date=lt2022")).containsExactly("NCT81000001");
        assertThat(ncts("ResearchStudy?date=2020")).isEmpty();
        assertThat(ncts("ResearchStudy?date=ge2020&date=le2020")).containsExactly("NCT81000001");
        assertThat(ncts("ResearchStudy?identifier=" + TrialportFhir.TrialIdentifier.NCT + "|"))
                .contains("NCT81000001", "NCT81000002");
    }

    @Test
    void aSearchByPostFindsWhatTheSameSearchByGetFinds() {
        var form = BodyInserters.fromFormData("identifier", TrialportFhir.SOR + "|" + TrialBuilder.sor("STRICT-1"));
        web.post()
                .uri("/fhir/Organization/_search")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(form)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.total")
                .isEqualTo(1)
                .jsonPath("$.entry[0].resource.name")
                .isEqualTo("OUH, Kardiologisk Afdeling B");
    }

    @Test
    void elementsShapeARead() {
        var id = site.getReferenceElement().getIdPart();
        web.get()
                .uri("/fhir/Location/" + id + "?_elements=name")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.name")
                .isEqualTo("OUH, Hjerteambulatoriet")
                .jsonPath("$.address")
                .doesNotExist()
                .jsonPath("$.meta.tag[0].code")
                .isEqualTo("SUBSETTED");
    }

    @Test
    void theServerSaysWhatItDoesInUtf8() {
        web.get()
                .uri("/fhir/metadata")
                .exchange()
                .expectHeader()
                .contentType("application/fhir+json;charset=UTF-8")
                .expectBody()
                .jsonPath("$.rest[0].interaction[*].code")
                .value(codes -> assertThat(codes.toString()).contains("transaction", "batch"));
        web.get()
                .uri("/fhir/.well-known/smart-configuration")
                .accept(FHIR_JSON)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.token_endpoint")
                .isEqualTo(identity.issuer() + "/oauth2/token");
    }

    private WebTestClient.ResponseSpec post(String path, String body) {
        return web.post()
                .uri(path)
                .headers(h -> h.setBearerAuth(token))
                .contentType(FHIR_JSON)
                .bodyValue(body)
                .exchange();
    }

    private static String entry(String fullUrl, String resource) {
        return "{" + (fullUrl == null ? "" : "\"fullUrl\":\"" + fullUrl + "\",") + "\"resource\":" + resource
                + ",\"request\":{\"method\":\"POST\",\"url\":\"Organization\"}}";
    }

    private int total(String search) {
        return hospital.search()
                .byUrl(search)
                .returnBundle(Bundle.class)
                .execute()
                .getTotal();
    }

    private List<String> ncts(String search) {
        return hospital.search().byUrl(search).returnBundle(Bundle.class).execute().getEntry().stream()
                .map(entry -> ((ResearchStudy) entry.getResource())
                        .getIdentifierFirstRep()
                        .getValue())
                .toList();
    }
}
