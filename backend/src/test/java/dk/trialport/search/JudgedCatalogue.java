package dk.trialport.search;

import dk.trialport.support.Eventually;
import dk.trialport.support.SharedData;
import dk.trialport.support.TrialportIntegrationTest;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The fixed catalogue the judged queries are judged over, and the run of the judged set against it through the
 * JSON API: the demo catalogue (the demo generator's 60 trials of seed 2026, loaded into the index as the demo
 * does), plus the real records of {@code ../shared/data} when present (the ClinicalTrials.gov files and the AACT
 * sample, mapped by the registry import's mappers, see {@link RegistryIndexLoader}); without them the judged set is cut to the demo catalogue and held to
 * its own baseline ({@code RELEVANCE_DEMO_ONLY=true} in the environment of the build measures that one where the data are
 * present).
 */
@TrialportIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JudgedCatalogue {

    static final long DEMO_SEED = 2026;
    static final int DEMO_TRIALS = 60;
    static final String DEMO_KEY = "TRIALPORT-DEMO-";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    /** Which catalogue was loaded: {@code full} with the real records, {@code demo} without. */
    String catalogue;

    JudgedQueries judged;

    @BeforeAll
    void loadTheCatalogue() throws Exception {
        // The start's index definition check creates the index when the alias is missing: let it finish first, or
        // both create one behind the alias.
        Eventually.await(
                () -> Thread.getAllStackTraces().keySet().stream()
                        .noneMatch(thread -> "index-definition-check".equals(thread.getName())),
                "the index definition check of the start has finished");
        DemoIndexLoader.load(context, DEMO_SEED, DEMO_TRIALS);
        var ctgov = SharedData.directory("ctgov");
        var aact = SharedData.directory("nordic").map(dir -> dir.resolve("ctgov_nordic_aact_sample.csv"));
        boolean real = !Boolean.getBoolean("relevance.demoOnly")
                && !"true".equals(System.getenv("RELEVANCE_DEMO_ONLY"))
                && ctgov.isPresent()
                && aact.isPresent()
                && Files.exists(aact.get());
        if (real) {
            try (var files = Files.list(ctgov.get())) {
                RegistryIndexLoader.load(
                        context,
                        files.filter(file -> file.toString().endsWith(".json"))
                                .sorted()
                                .toList(),
                        aact.get());
            }
        }
        catalogue = real ? "full" : "demo";
        judged = JudgedQueries.load().within(key -> real || key.startsWith(DEMO_KEY));
    }

    /** Runs every judged query through the search API, as a browser asks it. */
    List<RelevanceMetrics.Ranked> run() {
        var api = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .responseTimeout(java.time.Duration.ofSeconds(30))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(10 * 1024 * 1024))
                .build();
        Set<String> keys = judged.queries().stream()
                .flatMap(query -> query.grades().keySet().stream())
                .collect(Collectors.toSet());
        var runs = new ArrayList<RelevanceMetrics.Ranked>();
        for (var query : judged.queries()) {
            var page = SearchTestSupport.search(api, uri -> {
                uri.queryParam("q", query.text()).queryParam("size", 10);
                query.parameters().forEach(uri::queryParam);
            });
            var found = page.items().stream()
                    .limit(10)
                    .map(item -> item.identifiers().stream()
                            .filter(keys::contains)
                            .findFirst()
                            .orElse(null))
                    .toList();
            runs.add(new RelevanceMetrics.Ranked(query, found, page.total()));
        }
        return runs;
    }

    /** The figures, printed per language, as the benchmark and the test report them. */
    Map<String, RelevanceMetrics.Figures> measure(List<RelevanceMetrics.Ranked> runs) {
        var figures = RelevanceMetrics.figures(runs);
        System.out.printf("RELEVANCE catalogue=%s (%s)%n", catalogue, JudgedQueries.RESOURCE);
        figures.forEach((name, figure) -> System.out.println("RELEVANCE " + figure.line(name)));
        return figures;
    }
}
