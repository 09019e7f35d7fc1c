package dk.trialport.search;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The relevance benchmark: runs the judged set ({@link JudgedQueries}) over the fixed catalogue and prints
 * nDCG@10, P@5, MRR and the zero-result rate, over all queries and per language, then each query that ranks
 * worst, to see where the search fails people. Not part of {@code mvn verify} (its figures are what
 * {@link RelevanceIT} holds the search to); run it with {@code mvn verify -pl backend -am -Dtest=RelevanceBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false -DskipITs}.
 */
class RelevanceBenchmark extends JudgedCatalogue {

    @Test
    void printTheFigures() {
        var runs = run();
        measure(runs);
        RelevanceMetrics.figures(runs.stream()
                        .filter(run -> !run.query().parameters().containsKey("status"))
                        .toList())
                .forEach((name, figure) -> System.out.println("RELEVANCE open-only " + figure.line(name)));
        runs.stream()
                .filter(run -> RelevanceMetrics.ndcg(run, 10) < 0.999)
                .sorted(java.util.Comparator.comparingDouble(run -> RelevanceMetrics.ndcg(run, 10)))
                .forEach(run -> System.out.printf(
                        Locale.ROOT,
                        "RELEVANCE weak %s %-5s %-12s nDCG@10=%.3f found=%d %s  \"%s\"%n",
                        run.query().id(),
                        run.query().language(),
                        run.query().kind(),
                        RelevanceMetrics.ndcg(run, 10),
                        run.total(),
                        run.query().parameters(),
                        run.query().text()));
    }
}
