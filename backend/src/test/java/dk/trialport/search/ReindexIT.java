package dk.trialport.search;

import static dk.trialport.search.SearchTestSupport.keys;
import static dk.trialport.search.SearchTestSupport.search;
import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dk.trialport.catalogue.Outbox;
import dk.trialport.fhir.TrialportFhir.CodeSystems;
import dk.trialport.platform.Singletons;
import dk.trialport.support.Eventually;
import dk.trialport.support.Tokens;
import dk.trialport.support.TrialBuilder;
import dk.trialport.support.TrialportIntegrationTest;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;

/** An operator rebuilds the index from PostgreSQL; search answers before, during and after, and finds the same trials. */
@TrialportIntegrationTest
class ReindexIT {

    @LocalServerPort
    int port;

    @Value("${trialport.identity.issuer}")
    String issuer;

    @Autowired
    Outbox outbox;

    @Autowired
    ElasticsearchClient elasticsearch;

    @Test
    void reindexingSwapsToANewIndexWithTheSameTrials() throws Exception {
        SearchTestSupport.publish(port, issuer, SearchFixture.CATALOGUE);
        SearchTestSupport.awaitIndexed(outbox, elasticsearch);
        var api = SearchTestSupport.api(port);
        var before = keys(search(api, uri -> uri.queryParam("status", "all").queryParam("size", "50")));
        var indexBefore = elasticsearch
                .indices()
                .getAlias(a -> a.name("trials"))
                .aliases()
                .keySet();

        api.post().uri("/api/v1/admin/reindex").exchange().expectStatus().isUnauthorized();
        api.post()
                .uri("/api/v1/admin/reindex")
                .headers(h -> h.setBearerAuth(Tokens.demoHospital(issuer, "system/ResearchStudy.cruds")))
                .exchange()
                .expectStatus()
                .isForbidden();

        var operator = Tokens.clientCredentials(issuer, "trialport-operator", "trialport-operator-secret", "operator");
        api.post()
                .uri("/api/v1/admin/reindex")
                .headers(h -> h.setBearerAuth(operator))
                .exchange()
                .expectStatus()
                .isAccepted();
        var progress = new AtomicReference<Map<String, Object>>(Map.of());
        Awaitility.await("the reindex finishes")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    assertThat(search(api, uri -> uri.queryParam("status", "all"))
                                    .total())
                            .as("search answers meanwhile")
                            .isPositive();
                    progress.set(api.get()
                            .uri("/api/v1/admin/reindex")
                            .headers(h -> h.setBearerAuth(operator))
                            .exchange()
                            .expectStatus()
                            .isOk()
                            .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                            .returnResult()
                            .getResponseBody());
                    assertThat(progress.get().get("state")).isNotEqualTo("failed");
                    return "done".equals(progress.get().get("state"));
                });

        assertThat(progress.get()).containsEntry("state", "done").containsEntry("done", 13);
        var indexAfter = elasticsearch
                .indices()
                .getAlias(a -> a.name("trials"))
                .aliases()
                .keySet();
        assertThat(indexAfter).hasSize(1).doesNotContainAnyElementsOf(indexBefore);
        assertThat(keys(search(api, uri -> uri.queryParam("status", "all").queryParam("size", "50"))))
                .containsExactlyInAnyOrderElementsOf(before)
                .hasSize(13);
        assertThat(keys(search(api, uri -> uri.queryParam("q", "sukkersyge")))).contains("t2d", "t1d");
    }

    @Autowired
    Singletons singletons;

    @Test
    void whileARebuildOnAnyInstanceHoldsTheIndexNoIndexerWritesAndNothingIsLost() throws Exception {
        SearchTestSupport.awaitIndexed(outbox, elasticsearch);
        var api = SearchTestSupport.api(port);
        var holding = new CountDownLatch(1);
        var done = new CountDownLatch(1);
        // another instance's rebuild: the writing lock taken on a connection of its own, as that instance would
        var rebuild = CompletableFuture.supplyAsync(() -> {
            try {
                return singletons.waitAndRunAlone(TrialIndexer.WRITING, () -> {
                    holding.countDown();
                    return done.await(60, TimeUnit.SECONDS);
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();

        TrialBuilder.trial("SEARCH-held")
                .titled("Hjemmetræning efter hofteoperation")
                .condition("Hip fracture", CodeSystems.SKS_DIAGNOSES, "DS72")
                .at(TrialBuilder.AARHUS)
                .publish(port, issuer);
        Eventually.holdsFor(
                Duration.ofSeconds(3),
                () -> outbox.backlog(TrialIndexer.NAME).block() > 0,
                "the change waits in the outbox while the rebuild writes");
        done.countDown();
        assertThat(rebuild.get(30, TimeUnit.SECONDS)).isTrue();

        SearchTestSupport.awaitIndexed(outbox, elasticsearch);
        assertThat(keys(search(api, uri -> uri.queryParam("q", "hofteoperation"))))
                .as("the change reached the index once the rebuild let go")
                .containsExactly("held");
    }

    @Autowired
    IndexDefinitionCheck definitionCheck;

    @Test
    void anIndexBuiltFromAnOlderDefinitionIsRebuiltAtStart() throws Exception {
        SearchTestSupport.publish(port, issuer, SearchFixture.CATALOGUE.subList(0, 3));
        SearchTestSupport.awaitIndexed(outbox, elasticsearch);
        var api = SearchTestSupport.api(port);
        var before = keys(search(api, uri -> uri.queryParam("status", "all").queryParam("size", "50")));
        var current = elasticsearch
                .indices()
                .getAlias(a -> a.name("trials"))
                .aliases()
                .keySet()
                .iterator()
                .next();
        elasticsearch
                .indices()
                .putMapping(m -> m.index(current)
                        .meta("definition", co.elastic.clients.json.JsonData.of("an-older-definition")));

        assertThat(definitionCheck.check()).as("an outdated index is rebuilt").isTrue();
        Awaitility.await("the outdated index is replaced")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> !elasticsearch
                        .indices()
                        .getAlias(a -> a.name("trials"))
                        .aliases()
                        .containsKey(current));
        assertThat(elasticsearch.indices().getAlias(a -> a.name("trials")).aliases())
                .doesNotContainKey(current);
        assertThat(definitionCheck.check()).as("a current index is left alone").isFalse();
        assertThat(keys(search(api, uri -> uri.queryParam("status", "all").queryParam("size", "50"))))
                .containsExactlyInAnyOrderElementsOf(before)
                .contains("t2d", "t1d", "breast");
    }

    /**
     * The indexer and the definition check of one instance, or several instances starting together, each find no
     * index and make the first one at the same moment: they make one between them, and the alias points at it alone
     * (an alias on two indices takes no writes).
     */
    @Test
    void theFirstIndexIsMadeOnceWhenSeveralAskAtOnce(
            @Autowired Singletons singletons,
            @Autowired SearchProperties properties,
            @Autowired dk.trialport.search.vocabulary.ConditionVocabulary vocabulary)
            throws Exception {
        var alias = "trials-race-" + System.nanoTime();
        var settings = new SearchProperties(
                alias,
                properties.indexing(),
                properties.batchSize(),
                properties.idlePoll(),
                properties.maxBackoff(),
                properties.defaultDistanceKm(),
                properties.lease(),
                properties.terminology());
        var start = new CountDownLatch(1);
        var askers = new java.util.ArrayList<CompletableFuture<Void>>();
        for (int i = 0; i < 4; i++) {
            var index = new TrialIndex(elasticsearch, singletons, settings, vocabulary);
            askers.add(CompletableFuture.runAsync(() -> {
                try {
                    start.await();
                    index.ensureExists();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        start.countDown();
        CompletableFuture.allOf(askers.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
        var made = elasticsearch
                .indices()
                .get(g -> g.index(alias + "-*"))
                .indices()
                .keySet();
        try {
            assertThat(elasticsearch.indices().getAlias(a -> a.name(alias)).aliases())
                    .as("indices behind the alias")
                    .hasSize(1);
            assertThat(made).as("indices made").hasSize(1);
        } finally {
            for (var name : made) {
                elasticsearch.indices().delete(d -> d.index(name));
            }
        }
    }
}
