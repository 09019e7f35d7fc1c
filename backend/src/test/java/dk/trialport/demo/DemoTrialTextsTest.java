package dk.trialport.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The demo catalogue reads like real trials: a title of its own each, and summaries that tell the same facts. */
class DemoTrialTextsTest {

    private static final Pattern NUMBER = Pattern.compile("\\d+");
    private static final int TRIALS = 60;
    private static final long SEED = 2026;

    @Test
    void everyTrialHasItsOwnSpecificTitleInBothLanguages() {
        var projections = new DemoProjections(SEED);
        var danish = new HashSet<String>();
        var english = new HashSet<String>();
        for (int number = 1; number <= TRIALS; number++) {
            var trial = projections.trial(number).trial();
            assertThat(trial.layTitleDa()).doesNotStartWith("Ny behandling");
            assertThat(trial.layTitleEn()).doesNotStartWith("A new treatment");
            danish.add(trial.layTitleDa());
            english.add(trial.layTitleEn());
        }
        assertThat(danish).as("distinct Danish titles").hasSize(TRIALS);
        assertThat(english).as("distinct English titles").hasSize(TRIALS);
    }

    @Test
    void theDanishAndEnglishSummariesTellTheSameFacts() {
        var projections = new DemoProjections(SEED);
        for (int number = 1; number <= TRIALS; number++) {
            var trial = projections.trial(number).trial();
            assertThat(numbers(trial.summaryDa()))
                    .as("the numbers of trial %d's summaries", number)
                    .isEqualTo(numbers(trial.summaryEn()))
                    .isNotEmpty();
        }
    }

    /** The numbers a text states, in order, leaving out those in condition names (type 2-diabetes). */
    private static List<String> numbers(String text) {
        var stripped = text.replaceAll("type \\d", "type");
        return NUMBER.matcher(stripped).results().map(result -> result.group()).toList();
    }
}
