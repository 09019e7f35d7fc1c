package dk.trialport.recruitment.application;

import static org.assertj.core.api.Assertions.assertThat;

import dk.trialport.recruitment.RecruitmentProperties;
import dk.trialport.recruitment.application.EstimatingFeasibility.Count;
import dk.trialport.recruitment.application.EstimatingFeasibility.RegionCount;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Feasibility counts a trial team sees: below the threshold only "fewer than", never a number it can work out. */
class WorkspaceFeasibilityTest {

    private final EstimatingFeasibility feasibility = new EstimatingFeasibility(
            null, null, null, new RecruitmentProperties(null, "i", 20, "p", Duration.ofSeconds(1), 5, "c"));

    @Test
    void countsBelowTheThresholdAreSuppressed() {
        var result = feasibility.feasibility(new TreeMap<>(Map.of("Region Midtjylland", 3L)), true);

        assertThat(result.total()).isEqualTo(new Count(0, true));
        assertThat(result.regions()).containsExactly(new RegionCount("Region Midtjylland", new Count(0, true)));
        assertThat(result.threshold()).isEqualTo(5);
    }

    @Test
    void oneSmallRegionCannotBeWorkedOutFromTheTotal() {
        var result = feasibility.feasibility(
                new TreeMap<>(Map.of("Region Hovedstaden", 20L, "Region Midtjylland", 7L, "Region Nordjylland", 2L)),
                true);

        assertThat(result.total()).isEqualTo(new Count(29, false));
        assertThat(result.regions())
                .containsExactly(
                        new RegionCount("Region Hovedstaden", new Count(20, false)),
                        new RegionCount("Region Midtjylland", new Count(0, true)),
                        new RegionCount("Region Nordjylland", new Count(0, true)));
    }

    @Test
    void countsAtTheThresholdAreShown() {
        var result =
                feasibility.feasibility(new TreeMap<>(Map.of("Region Sjælland", 5L, "Region Syddanmark", 6L)), true);

        assertThat(result.total()).isEqualTo(new Count(11, false));
        assertThat(result.regions())
                .extracting(RegionCount::count)
                .containsExactly(new Count(5, false), new Count(6, false));
    }
}
