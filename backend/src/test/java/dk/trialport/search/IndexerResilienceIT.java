package dk.trialport.search;

import static dk.trialport.search.SearchTestSupport.keys;
import static dk.trialport.search.SearchTestSupport.search;
import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dk.trialport.catalogue.Outbox;
import dk.trialport.infra.embedded.EmbeddedPlatform;
import dk.trialport.support.FhirClients;
import dk.trialport.support.TrialportIntegrationTest;
import java.util.ArrayList;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Elasticsearch stops in the middle of a stream of changes: every write is still accepted, and once the
 * node is back the index catches up with no lost and no stale trial.
 */
@TrialportIntegrationTest
class IndexerResilienceIT {

    @LocalServerPort
    int port;

    @Value("${trialport.identity.issuer}")
    String issuer;

    @Autowired
    Outbox outbox;

    @Autowired
    ElasticsearchClient elasticsearch;

    @Test
    void indexingCatchesUpAfterElasticsearchWasDown() {
        var specs = new ArrayList<>(SearchFixture.CATALOGUE);
        var firstHalf = specs.subList(0, 6);
        var secondHalf = specs.subList(6, specs.size());
        SearchTestSupport.publish(port, issuer, firstHalf);
        SearchTestSupport.awaitIndexed(outbox, elasticsearch);
        var hospital = FhirClients.hospital(port, issuer, FhirClients.ALL_SCOPES);

        EmbeddedPlatform.stopSearchNode();
        try {
            SearchTestSupport.publish(port, issuer, secondHalf);
            var renamed = hospital.search()
                    .forResource(ResearchStudy.class)
                    .where(ResearchStudy.IDENTIFIER.exactly().identifier("SEARCH-breast"))
                    .returnBundle(org.hl7.fhir.r4.model.Bundle.class)
                    .execute()
                    .getEntryFirstRep()
                    .getResource();
            ((ResearchStudy) renamed).setTitle("Immunotherapy before surgery for early breast cancer, second version");
            hospital.update().resource((ResearchStudy) renamed).execute();
            var removed = hospital.search()
                    .forResource(ResearchStudy.class)
                    .where(ResearchStudy.IDENTIFIER.exactly().identifier("SEARCH-colon"))
                    .returnBundle(org.hl7.fhir.r4.model.Bundle.class)
                    .execute()
                    .getEntryFirstRep()
                    .getResource();
            hospital.delete()
                    .resourceById(removed.getIdElement().toUnqualifiedVersionless())
                    .execute();
            org.awaitility.Awaitility.await()
                    .during(java.time.Duration.ofMillis(1500))
                    .atMost(java.time.Duration.ofSeconds(5))
                    .untilAsserted(
                            () -> assertThat(outbox.backlog(TrialIndexer.NAME).block())
                                    .as("changes wait while Elasticsearch is down")
                                    .isPositive());
        } finally {
            EmbeddedPlatform.startSearchNode();
        }

        SearchTestSupport.awaitIndexed(outbox, elasticsearch);
        var api = SearchTestSupport.api(port);
        var all = keys(search(api, uri -> uri.queryParam("status", "all").queryParam("size", "50")));
        var expected =
                new ArrayList<>(specs.stream().map(SearchFixture.Spec::key).toList());
        expected.remove("colon");
        assertThat(all).containsExactlyInAnyOrderElementsOf(expected);
        var breast =
                search(api, uri -> uri.queryParam("q", "breast cancer")).items().get(0);
        assertThat(breast.scientificTitle())
                .isEqualTo("Immunotherapy before surgery for early breast cancer, second version");
        assertThat(keys(search(api, uri -> uri.queryParam("q", "tyktarmskræft").queryParam("status", "all"))))
                .doesNotContain("colon");
    }
}
