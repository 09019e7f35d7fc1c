package dk.trialport.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.gclient.NumberClientParam;
import ca.uhn.fhir.rest.gclient.StringClientParam;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dk.trialport.catalogue.Outbox;
import dk.trialport.support.FhirClients;
import dk.trialport.support.TrialportIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A hospital system searches trials in plain words over FHIR, through the same engine as the portal. */
@TrialportIntegrationTest
class FhirContentSearchIT {

    @LocalServerPort
    int port;

    @Value("${trialport.identity.issuer}")
    String issuer;

    @Autowired
    Outbox outbox;

    @Autowired
    ElasticsearchClient elasticsearch;

    @Test
    void contentSearchFindsTrialsByLayWordsAndPagesToTheEnd() {
        SearchTestSupport.publish(port, issuer, SearchFixture.CATALOGUE);
        SearchTestSupport.awaitIndexed(outbox, elasticsearch);
        var client = FhirClients.anonymous(port);

        var diabetes = client.search()
                .forResource(ResearchStudy.class)
                .where(new StringClientParam("_content").matches().value("sukkersyge"))
                .returnBundle(Bundle.class)
                .execute();
        assertThat(keys(diabetes)).containsExactlyInAnyOrder("t2d", "t1d", "t2d-done");
        assertThat(diabetes.getTotal()).isEqualTo(3);

        var open = client.search()
                .forResource(ResearchStudy.class)
                .where(new StringClientParam("_content").matches().value("sukkersyge"))
                .and(new ca.uhn.fhir.rest.gclient.TokenClientParam("recruitment-status")
                        .exactly()
                        .code("recruiting"))
                .returnBundle(Bundle.class)
                .execute();
        assertThat(keys(open)).containsExactlyInAnyOrder("t2d", "t1d");

        var old = client.search()
                .forResource(ResearchStudy.class)
                .where(new StringClientParam("_content").matches().value("kræft"))
                .and(new NumberClientParam("age").exactly().number(80))
                .count(2)
                .returnBundle(Bundle.class)
                .execute();
        var seen = new ArrayList<>(keys(old));
        while (old.getLink(Bundle.LINK_NEXT) != null) {
            old = client.loadPage().next(old).execute();
            seen.addAll(keys(old));
        }
        assertThat(seen).containsExactlyInAnyOrder("breast", "nsclc", "prostate");

        var prostate = client.search()
                .forResource(ResearchStudy.class)
                .where(new StringClientParam("_content").matches().value("kræft"))
                .and(new ca.uhn.fhir.rest.gclient.TokenClientParam("condition")
                        .exactly()
                        .systemAndCode(dk.trialport.fhir.TrialportFhir.CodeSystems.SKS_DIAGNOSES, "DC61"))
                .returnBundle(Bundle.class)
                .execute();
        assertThat(keys(prostate)).containsExactly("prostate");

        var arthritis = client.search()
                .forResource(ResearchStudy.class)
                .where(new StringClientParam("_content").matches().value("lægemiddel"))
                .and(new StringClientParam("condition:text").matches().value("gigt"))
                .returnBundle(Bundle.class)
                .execute();
        assertThat(keys(arthritis)).as("condition:text knows the lay word").containsExactly("ra");

        var completed = client.search()
                .forResource(ResearchStudy.class)
                .where(new StringClientParam("_content").matches().value("diabetes"))
                .and(new ca.uhn.fhir.rest.gclient.TokenClientParam("status")
                        .exactly()
                        .code("completed"))
                .returnBundle(Bundle.class)
                .execute();
        assertThat(keys(completed)).containsExactly("t2d-done");

        assertThatThrownBy(() -> client.search()
                        .forResource(ResearchStudy.class)
                        .where(new StringClientParam("_content").matches().value("kræft"))
                        .and(new StringClientParam("title").matches().value("x"))
                        .returnBundle(Bundle.class)
                        .execute())
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("title");
    }

    private static List<String> keys(Bundle bundle) {
        return bundle.getEntry().stream()
                .map(entry -> (ResearchStudy) entry.getResource())
                .map(study -> study.getIdentifierFirstRep().getValue().replace("SEARCH-", ""))
                .toList();
    }
}
