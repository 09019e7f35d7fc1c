package dk.trialport.fhir;

import static dk.trialport.fhir.TrialOwnershipIT.created;
import static dk.trialport.fhir.TrialOwnershipIT.json;
import static org.assertj.core.api.Assertions.assertThat;

import dk.trialport.identity.IdentityProperties;
import dk.trialport.support.FhirClients;
import dk.trialport.support.Tokens;
import dk.trialport.support.TrialBuilder;
import dk.trialport.support.TrialportIntegrationTest;
import java.util.function.Consumer;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A draft trial exists only for its team: no path of the FHIR API shows it to anyone else, neither the
 * type-level history, nor a GET entry of a batch or transaction Bundle, nor an {@code _include} or
 * {@code _revinclude} from its site.
 */
@TrialportIntegrationTest
class DraftVisibilityIT {

    private static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json");
    private static final String TITLE = "Secret draft of the Copenhagen team";

    @LocalServerPort
    int port;

    @Autowired
    IdentityProperties identity;

    WebTestClient web;
    String copenhagen;
    String aarhus;
    String siteId;
    String draftId;

    @BeforeEach
    void aDraftOfCopenhagensTeam() {
        web = FhirClients.web(port);
        copenhagen = Tokens.demoHospital(identity.issuer(), FhirClients.ALL_SCOPES);
        aarhus = Tokens.aarhusHospital(identity.issuer(), FhirClients.ALL_SCOPES);
        if (draftId == null) {
            siteId = created(web.post()
                    .uri("/fhir/Location")
                    .headers(bearer(copenhagen))
                    .contentType(FHIR_JSON)
                    .bodyValue(json(TrialBuilder.aSite()))
                    .exchange());
            var draft = TrialBuilder.registered("NCT07300901")
                    .at(new Reference("Location/" + siteId))
                    .study();
            draft.setStatus(ResearchStudy.ResearchStudyStatus.INREVIEW).setTitle(TITLE);
            draftId = created(web.post()
                    .uri("/fhir/ResearchStudy")
                    .headers(bearer(copenhagen))
                    .contentType(FHIR_JSON)
                    .bodyValue(json(draft))
                    .exchange());
        }
    }

    @Test
    void theTypeHistoryListsADraftForItsTeamOnly() {
        assertThat(body(web.get().uri("/fhir/ResearchStudy/_history?_count=500").exchange()))
                .as("anonymous")
                .doesNotContain(draftId, TITLE);
        assertThat(body(web.get()
                        .uri("/fhir/ResearchStudy/_history?_count=500")
                        .headers(bearer(aarhus))
                        .exchange()))
                .as("another organization's system")
                .doesNotContain(draftId, TITLE);
        assertThat(body(web.get()
                        .uri("/fhir/ResearchStudy/_history?_count=500")
                        .headers(bearer(copenhagen))
                        .exchange()))
                .as("its own team")
                .contains(draftId, TITLE);
    }

    @Test
    void aGetEntryInABundleReadsADraftOnlyForItsTeam() {
        for (var type : new Bundle.BundleType[] {Bundle.BundleType.BATCH, Bundle.BundleType.TRANSACTION}) {
            var read = new Bundle().setType(type);
            read.addEntry().getRequest().setMethod(Bundle.HTTPVerb.GET).setUrl("ResearchStudy/" + draftId);

            var theirs = web.post()
                    .uri("/fhir")
                    .headers(bearer(aarhus))
                    .contentType(FHIR_JSON)
                    .bodyValue(json(read))
                    .exchange();
            var answer = body(theirs);
            assertThat(answer)
                    .as(type + " by another organization")
                    .doesNotContain(TITLE)
                    .contains("OperationOutcome");
            if (type == Bundle.BundleType.BATCH) {
                assertThat(answer).contains("404 Not Found");
            }
            var anonymous = body(web.post()
                    .uri("/fhir")
                    .contentType(FHIR_JSON)
                    .bodyValue(json(read))
                    .exchange());
            assertThat(anonymous).as(type + " without a token").doesNotContain(TITLE);

            assertThat(body(web.post()
                            .uri("/fhir")
                            .headers(bearer(copenhagen))
                            .contentType(FHIR_JSON)
                            .bodyValue(json(read))
                            .exchange()))
                    .as(type + " by its own team")
                    .contains(TITLE);
        }
    }

    @Test
    void includesFromItsSiteShowADraftToItsTeamOnly() {
        var revinclude = "/fhir/Location?_id=" + siteId + "&_revinclude=ResearchStudy:site";
        assertThat(body(web.get().uri(revinclude).exchange()))
                .as("anonymous")
                .contains(siteId)
                .doesNotContain(draftId, TITLE);
        assertThat(body(web.get().uri(revinclude).headers(bearer(aarhus)).exchange()))
                .doesNotContain(TITLE);
        assertThat(body(web.get().uri(revinclude).headers(bearer(copenhagen)).exchange()))
                .contains(TITLE);

        var include = "/fhir/Location?_id=" + siteId + "&_revinclude=*:*";
        assertThat(body(web.get().uri(include).exchange())).doesNotContain(TITLE);
    }

    private static String body(WebTestClient.ResponseSpec response) {
        return response.expectBody(String.class).returnResult().getResponseBody();
    }

    private static Consumer<HttpHeaders> bearer(String token) {
        return headers -> headers.setBearerAuth(token);
    }
}
