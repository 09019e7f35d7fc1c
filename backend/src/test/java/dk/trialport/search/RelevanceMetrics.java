package dk.trialport.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The relevance measures of a run of the judged set, as information retrieval defines them: nDCG@10 (graded gain
 * {@code 2^grade − 1}, log2 discount), P@5 (a trial with grade 2 or more counts as relevant), MRR (the first trial
 * with grade 2 or more) and the share of queries that found nothing, per language and over all.
 */
final class RelevanceMetrics {

    /** One query's ranked result: the keys of the judged trials found, in order (unjudged trials as null). */
    record Ranked(JudgedQueries.Query query, List<String> keys, long total) {}

    /** The means over some queries. */
    record Figures(int queries, double ndcg10, double precision5, double mrr, double zeroResultRate) {

        String line(String name) {
            return String.format(
                    java.util.Locale.ROOT,
                    "%-8s queries=%3d  nDCG@10=%.3f  P@5=%.3f  MRR=%.3f  zero-result rate=%.3f",
                    name,
                    queries,
                    ndcg10,
                    precision5,
                    mrr,
                    zeroResultRate);
        }
    }

    private RelevanceMetrics() {}

    /** Figures for all queries ({@code all}) and per language ({@code da}, {@code en}). */
    static Map<String, Figures> figures(List<Ranked> runs) {
        var figures = new LinkedHashMap<String, Figures>();
        figures.put("all", of(runs));
        runs.stream()
                .map(run -> run.query().language())
                .distinct()
                .sorted()
                .forEach(language -> figures.put(
                        language,
                        of(runs.stream()
                                .filter(run -> run.query().language().equals(language))
                                .toList())));
        return figures;
    }

    static Figures of(List<Ranked> runs) {
        double ndcg = 0, precision = 0, mrr = 0, zero = 0;
        for (var run : runs) {
            ndcg += ndcg(run, 10);
            precision += precision(run, 5);
            mrr += reciprocalRank(run);
            zero += run.total() == 0 ? 1 : 0;
        }
        int n = Math.max(1, runs.size());
        return new Figures(runs.size(), ndcg / n, precision / n, mrr / n, zero / n);
    }

    static double ndcg(Ranked run, int k) {
        double dcg = 0;
        for (int i = 0; i < Math.min(k, run.keys().size()); i++) {
            dcg += gain(grade(run, i)) / log2(i + 2);
        }
        var ideal = new ArrayList<>(run.query().grades().values());
        ideal.sort(Comparator.reverseOrder());
        double idcg = 0;
        for (int i = 0; i < Math.min(k, ideal.size()); i++) {
            idcg += gain(ideal.get(i)) / log2(i + 2);
        }
        return idcg == 0 ? 0 : dcg / idcg;
    }

    static double precision(Ranked run, int k) {
        int relevant = 0;
        for (int i = 0; i < Math.min(k, run.keys().size()); i++) {
            relevant += grade(run, i) >= 2 ? 1 : 0;
        }
        return relevant / (double) k;
    }

    static double reciprocalRank(Ranked run) {
        for (int i = 0; i < run.keys().size(); i++) {
            if (grade(run, i) >= 2) {
                return 1.0 / (i + 1);
            }
        }
        return 0;
    }

    private static int grade(Ranked run, int position) {
        var key = run.keys().get(position);
        return key == null ? 0 : run.query().grades().getOrDefault(key, 0);
    }

    private static double gain(int grade) {
        return Math.pow(2, grade) - 1;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
