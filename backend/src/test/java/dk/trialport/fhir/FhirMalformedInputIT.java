package dk.trialport.fhir;

import dk.trialport.identity.IdentityProperties;
import dk.trialport.support.Tokens;
import dk.trialport.support.TrialportIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Bad input gets a 4xx OperationOutcome that says what is wrong, and leaves the catalogue unchanged. */
@TrialportIntegrationTest
@AutoConfigureWebTestClient(timeout = "PT60S")
class FhirMalformedInputIT {

    private static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json");

    @Autowired
    WebTestClient web;

    @Autowired
    IdentityProperties identity;

    String token;
    int before;

    @BeforeEach
    void token() {
        token = Tokens.demoHospital(identity.issuer(), "system/Organization.cruds");
        before = organizations();
    }

    @Test
    void invalidJsonIs400() {
        post("/fhir/Organization", "{\"resourceType\": \"Organization\", \"name\": ")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.resourceType")
                .isEqualTo("OperationOutcome")
                .jsonPath("$.issue[0].code")
                .isEqualTo("structure");
        assertNothingStored();
    }

    @Test
    void aResourceOfTheWrongTypeIs400() {
        post("/fhir/Organization", "{\"resourceType\": \"Patient\", \"active\": true}")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.issue[0].expression[0]")
                .isEqualTo("resourceType");
        assertNothingStored();
    }

    @Test
    void unknownElementsAre400() {
        post(
                        "/fhir/Organization",
                        "{\"resourceType\": \"Organization\", \"name\": \"X\", \"favouriteColour\": \"blue\"}")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.issue[0].diagnostics")
                .value(d ->
                        org.assertj.core.api.Assertions.assertThat((String) d).contains("favouriteColour"));
        assertNothingStored();
    }

    @Test
    void aBadCodeIsRefused() {
        post(
                        "/fhir/Organization",
                        "{\"resourceType\": \"Organization\", \"name\": \"X\", "
                                + "\"telecom\": [{\"system\": \"carrier-pigeon\", \"value\": \"1\"}]}")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.resourceType")
                .isEqualTo("OperationOutcome");
        assertNothingStored();
    }

    @Test
    void aBadReferenceIs422AtItsPath() {
        post(
                        "/fhir/Organization",
                        "{\"resourceType\": \"Organization\", \"name\": \"X\", \"partOf\": "
                                + "{\"reference\": \"Organization/nowhere\"}}")
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.issue[0].expression[0]")
                .isEqualTo("Organization.partOf");
        assertNothingStored();
    }

    @Test
    void anOversizeBodyIs413() {
        var name = "x".repeat(12 * 1024 * 1024);
        post("/fhir/Organization", "{\"resourceType\": \"Organization\", \"name\": \"" + name + "\"}")
                .expectStatus()
                .isEqualTo(413)
                .expectBody()
                .jsonPath("$.resourceType")
                .isEqualTo("OperationOutcome");
        assertNothingStored();
    }

    @Test
    void anUnsupportedContentTypeIs415AndAnUnacceptableFormatIs406() {
        web.post()
                .uri("/fhir/Organization")
                .headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.TEXT_PLAIN)
                .bodyValue("name=X")
                .exchange()
                .expectStatus()
                .isEqualTo(415);
        web.get()
                .uri("/fhir/metadata")
                .accept(MediaType.IMAGE_PNG)
                .exchange()
                .expectStatus()
                .isEqualTo(406);
        assertNothingStored();
    }

    @Test
    void xmlIsReadAndWritten() {
        web.post()
                .uri("/fhir/Organization")
                .headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.parseMediaType("application/fhir+xml"))
                .accept(MediaType.parseMediaType("application/fhir+xml"))
                .bodyValue(
                        "<Organization xmlns=\"http://hl7.org/fhir\"><name value=\"Sjællands Universitetshospital\"/></Organization>")
                .exchange()
                .expectStatus()
                .isCreated()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.parseMediaType("application/fhir+xml"))
                .expectBody(String.class)
                .value(body -> org.assertj.core.api.Assertions.assertThat(body)
                        .contains("<name value=\"Sjællands Universitetshospital\"/>"));
        web.get()
                .uri("/fhir/Organization?_format=xml&_summary=count")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(body -> org.assertj.core.api.Assertions.assertThat(body)
                        .contains("<total value=\"" + (before + 1) + "\"/>"));
    }

    private WebTestClient.ResponseSpec post(String path, String body) {
        return web.post()
                .uri(path)
                .headers(h -> h.setBearerAuth(token))
                .contentType(FHIR_JSON)
                .bodyValue(body)
                .exchange();
    }

    private void assertNothingStored() {
        org.assertj.core.api.Assertions.assertThat(organizations()).isEqualTo(before);
    }

    private int organizations() {
        var body = web.get()
                .uri("/fhir/Organization?_summary=count")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        return Integer.parseInt(body.replaceAll(".*\"total\":(\\d+).*", "$1"));
    }
}
