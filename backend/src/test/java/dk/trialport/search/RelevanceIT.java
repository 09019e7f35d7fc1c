package dk.trialport.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Relevance may not get worse unnoticed: the judged set's nDCG@10 over the fixed catalogue, computed for real
 * through the search API against Elasticsearch, must not drop below the baseline committed in the judged set (one
 * for the demo catalogue alone, one with the real records of {@code ../shared/data}). Raise the baseline when a
 * change improves the figure; see docs/search.md.
 */
class RelevanceIT extends JudgedCatalogue {

    /** Rounding of the committed figure. */
    private static final double TOLERANCE = 0.0005;

    @Test
    void nDcgAt10DoesNotDropBelowTheCommittedBaseline() {
        var figures = measure(run());
        assertThat(judged.queries())
                .as("judged queries")
                .hasSizeGreaterThanOrEqualTo("full".equals(catalogue) ? 150 : 100);
        var baseline = judged.baselines().get(catalogue);
        assertThat(baseline)
                .as("a committed baseline for the %s catalogue", catalogue)
                .isNotNull();
        assertThat(figures.get("all").ndcg10())
                .as("nDCG@10 over the %s catalogue (baseline %.3f)", catalogue, baseline)
                .isGreaterThanOrEqualTo(baseline - TOLERANCE);
    }
}
