package dk.trialport.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dk.trialport.support.TrialportIntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Search at national-registry scale: loads the demo generator's catalogue (500,000 trials by default, like
 * ClinicalTrials.gov; {@code -Dbenchmark.trials=N}) straight into the index through the same projectors and
 * document builder the catalogue and indexer use ({@link DemoIndexLoader}), then runs typical searches with concurrent clients through the JSON API and,
 * for the same queries, straight against Elasticsearch. Prints p50/p95/p99 and throughput of both, and
 * their ratio. Not part of {@code mvn verify}; run it with
 * {@code mvn verify -pl backend -am -Dtest=TrialSearchBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * -Dtrialport.platform.elasticsearch-heap-mb=1024}.
 */
@TrialportIntegrationTest
class TrialSearchBenchmark {

    private static final int TRIALS = Integer.getInteger("benchmark.trials", 500_000);
    private static final int QUERIES = Integer.getInteger("benchmark.queries", 3_000);
    private static final int CONCURRENCY = Integer.getInteger("benchmark.concurrency", 8);
    private static final String[] WORDS = {
        "sukkersyge",
        "brystkræft",
        "lung cancer",
        "gigt",
        "hjertesvigt",
        "depression",
        "kræft",
        "diabetes",
        "astma",
        "KOL",
        "leddegigt",
        "heart failure",
        "prostatakræft",
        "sclerose",
        "immunotherapy",
        "semaglutid",
        "brystkraeft",
        "diabetis"
    };
    private static final String[] POSTAL_CODES = {"2100", "8000", "5000", "9000", "6700", "4000", "7100", "3400"};

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    ElasticsearchClient elasticsearch;

    @Autowired
    TrialSearch search;

    @Autowired
    TrialQueryParser parser;

    @Test
    void searchAtNationalScale() throws Exception {
        DemoIndexLoader.load(context, 2026, TRIALS);
        var client = WebClient.builder()
                .baseUrl("http://localhost:" + port)
                .codecs(c -> c.defaultCodecs().maxInMemorySize(10 * 1024 * 1024))
                .build();
        var queries = new ArrayList<LinkedMultiValueMap<String, String>>();
        var random = new Random(7);
        for (int i = 0; i < QUERIES; i++) {
            queries.add(typicalQuery(random));
        }
        run("warm-up (API)", queries.subList(0, 300), q -> api(client, q));
        var apiLatency = run("search through the JSON API", queries, q -> api(client, q));
        var rawLatency = run("same queries straight to Elasticsearch", queries, q -> raw(q));
        System.out.printf(
                "BENCHMARK ratio API/Elasticsearch p50=%.2f p95=%.2f p99=%.2f%n",
                apiLatency[0] / rawLatency[0], apiLatency[1] / rawLatency[1], apiLatency[2] / rawLatency[2]);
    }

    private static LinkedMultiValueMap<String, String> typicalQuery(Random random) {
        var query = new LinkedMultiValueMap<String, String>();
        query.add("q", WORDS[random.nextInt(WORDS.length)]);
        switch (random.nextInt(4)) {
            case 0 -> query.add("age", Integer.toString(20 + random.nextInt(60)));
            case 1 -> {
                query.add("postalCode", POSTAL_CODES[random.nextInt(POSTAL_CODES.length)]);
                query.add("distanceKm", "50");
            }
            case 2 -> query.add("sex", random.nextBoolean() ? "female" : "male");
            default -> {}
        }
        return query;
    }

    private Mono<String> api(WebClient client, LinkedMultiValueMap<String, String> query) {
        return client.get()
                .uri((UriBuilder uri) ->
                        uri.path("/api/v1/trials").queryParams(query).build())
                .retrieve()
                .bodyToMono(String.class);
    }

    private Mono<String> raw(LinkedMultiValueMap<String, String> query) {
        var request = search.request(parser.parse(query, Locale.forLanguageTag("da")));
        return Mono.fromCallable(
                        () -> elasticsearch.search(request, TrialDocument.class).took() + "")
                .subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic());
    }

    /** Runs every query with {@code CONCURRENCY} clients; returns p50, p95 and p99 in ms. */
    private static double[] run(
            String name,
            List<LinkedMultiValueMap<String, String>> queries,
            java.util.function.Function<LinkedMultiValueMap<String, String>, Mono<String>> operation) {
        var latencies = Collections.synchronizedList(new ArrayList<Long>());
        var done = new AtomicInteger();
        long start = System.nanoTime();
        Flux.fromIterable(queries)
                .flatMap(
                        query -> Mono.defer(() -> {
                            long t0 = System.nanoTime();
                            return operation.apply(query).doOnNext(ignored -> {
                                latencies.add(System.nanoTime() - t0);
                                if (done.incrementAndGet() % Math.max(1, queries.size() / 10) == 0) {
                                    System.out.printf("  %s: %d/%d%n", name, done.get(), queries.size());
                                }
                            });
                        }),
                        CONCURRENCY)
                .blockLast(Duration.ofMinutes(30));
        double seconds = (System.nanoTime() - start) / 1e9;
        var sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        var percentiles = new double[] {ms(sorted, 0.50), ms(sorted, 0.95), ms(sorted, 0.99)};
        System.out.printf(
                "BENCHMARK %-45s n=%d concurrency=%d %.0f/s p50=%.1f ms p95=%.1f ms p99=%.1f ms%n",
                name,
                queries.size(),
                CONCURRENCY,
                queries.size() / seconds,
                percentiles[0],
                percentiles[1],
                percentiles[2]);
        return percentiles;
    }

    private static double ms(List<Long> sorted, double quantile) {
        return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, quantile * sorted.size())) / 1e6;
    }
}
