package dk.trialport.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dk.trialport.catalogue.Outbox;
import dk.trialport.support.TrialportIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What the search tests share: the fixture catalogue published through the FHIR API and indexed before the first
 * test, and a client of the search API. A test class says which trials it searches by overriding {@link #trials()}.
 */
@TrialportIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SearchedCatalogue {

    @LocalServerPort
    int port;

    @Value("${trialport.identity.issuer}")
    String issuer;

    @Autowired
    Outbox outbox;

    @Autowired
    ElasticsearchClient elasticsearch;

    /** The search API, as a browser or app calls it. */
    WebTestClient api;

    /** The judged catalogue and the everyday-word trials: what most search tests ask about. */
    List<SearchFixture.Spec> trials() {
        var specs = new ArrayList<>(SearchFixture.CATALOGUE);
        specs.addAll(SearchFixture.EVERYDAY);
        return specs;
    }

    @BeforeAll
    void publishTheFixtureCatalogue() {
        SearchTestSupport.publish(port, issuer, trials());
        SearchTestSupport.awaitIndexed(outbox, elasticsearch);
        api = SearchTestSupport.api(port);
    }
}
