package dk.trialport.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import dk.trialport.identity.IdentityProperties;
import dk.trialport.support.FhirClients;
import dk.trialport.support.Tokens;
import dk.trialport.support.TrialBuilder;
import dk.trialport.support.TrialportIntegrationTest;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A hospital system may do exactly what its token's SMART scopes allow, per resource type and interaction. */
@TrialportIntegrationTest
class FhirScopesIT {

    private static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json");

    @LocalServerPort
    int port;

    @Autowired
    IdentityProperties identity;

    @Test
    void writesNeedTheScopeOfTheirTypeAndInteraction() {
        var web = WebTestClient.bindToServer()
                .responseTimeout(java.time.Duration.ofSeconds(60))
                .baseUrl("http://localhost:" + port)
                .build();
        var organizationsOnly = Tokens.demoHospital(identity.issuer(), "system/Organization.cruds");
        var location = FhirClients.CONTEXT
                .newJsonParser()
                .encodeResourceToString(TrialBuilder.site("Herlev Hospital, Kardiologi", "Herlev", "2730", null));

        web.post()
                .uri("/fhir/Location")
                .headers(h -> h.setBearerAuth(organizationsOnly))
                .contentType(FHIR_JSON)
                .bodyValue(location)
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.resourceType")
                .isEqualTo("OperationOutcome")
                .jsonPath("$.issue[0].diagnostics")
                .value(text -> assertThat((String) text).contains("system/Location.c"));

        var readOnly = Tokens.clientCredentials(
                identity.issuer(),
                "demo-hospital-readonly",
                "demo-hospital-readonly-secret",
                "system/ResearchStudy.rs");
        var study = FhirClients.CONTEXT
                .newJsonParser()
                .encodeResourceToString(TrialBuilder.registered("NCT07100001")
                        .at(new Reference("Location/unknown"))
                        .study());
        web.post()
                .uri("/fhir/ResearchStudy")
                .headers(h -> h.setBearerAuth(readOnly))
                .contentType(FHIR_JSON)
                .bodyValue(study)
                .exchange()
                .expectStatus()
                .isForbidden();

        var transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        transaction
                .addEntry()
                .setFullUrl("urn:uuid:0b6e1d1e-0000-4000-8000-000000000001")
                .setResource(TrialBuilder.department("SCOPE-TEST", "Herlev Hospital, Kardiologi"))
                .getRequest()
                .setMethod(Bundle.HTTPVerb.POST)
                .setUrl("Organization");
        transaction
                .addEntry()
                .setFullUrl("urn:uuid:0b6e1d1e-0000-4000-8000-000000000002")
                .setResource(TrialBuilder.site("Herlev Hospital, Kardiologi", "Herlev", "2730", null))
                .getRequest()
                .setMethod(Bundle.HTTPVerb.POST)
                .setUrl("Location");
        web.post()
                .uri("/fhir")
                .headers(h -> h.setBearerAuth(organizationsOnly))
                .contentType(FHIR_JSON)
                .bodyValue(FhirClients.CONTEXT.newJsonParser().encodeResourceToString(transaction))
                .exchange()
                .expectStatus()
                .isForbidden();
        assertThat(total(web, "/fhir/Organization?identifier=SCOPE-TEST"))
                .as("nothing of the refused bundle")
                .isZero();

        var locations = Tokens.demoHospital(identity.issuer(), "system/Location.cruds");
        var created = web.post()
                .uri("/fhir/Location")
                .headers(h -> h.setBearerAuth(locations))
                .contentType(FHIR_JSON)
                .bodyValue(location)
                .exchange()
                .expectStatus()
                .isCreated()
                .returnResult(String.class)
                .getResponseHeaders()
                .getLocation()
                .getPath();
        var id = created.split("/")[3];
        web.delete()
                .uri("/fhir/Location/" + id)
                .headers(h -> h.setBearerAuth(readOnly))
                .exchange()
                .expectStatus()
                .isForbidden();
        web.delete()
                .uri("/fhir/Location/" + id)
                .headers(h -> h.setBearerAuth(locations))
                .exchange()
                .expectStatus()
                .isNoContent();
    }

    /** The total a search with {@code _summary=count} answers ({@code search} has a query already). */
    static long total(WebTestClient web, String search) {
        var body = web.get()
                .uri(search + "&_summary=count")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        return FhirClients.CONTEXT
                .newJsonParser()
                .parseResource(Bundle.class, body)
                .getTotal();
    }
}
