package dk.trialport.recruitment.application;

import dk.trialport.recruitment.RecruitmentProperties;
import dk.trialport.recruitment.infrastructure.ProfileStore;
import dk.trialport.recruitment.infrastructure.TrialFactsReader;
import dk.trialport.recruitment.model.InterestProfile;
import dk.trialport.recruitment.model.ProfileMatching;
import dk.trialport.search.vocabulary.Place;
import dk.trialport.search.vocabulary.PostalCodes;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * How many interest profiles in the volunteer registry a trial (a draft too) would match, by the same rules that
 * tell people of a published trial: counts only, never who, and a count below the threshold shown only as "fewer
 * than". Counts per region are suppressed the same way, and when just one region falls below the threshold the next
 * smallest is hidden too, so it cannot be worked out from the total.
 */
@Service
public class EstimatingFeasibility {

    private static final ZoneId DENMARK = ZoneId.of("Europe/Copenhagen");
    private static final String UNKNOWN_REGION = "";

    /** A count as a trial team may see it: {@code value} is 0 when {@code suppressed}. */
    public record Count(long value, boolean suppressed) {}

    /** A region's count; the region is empty when a profile's postal code has none. */
    public record RegionCount(String region, Count count) {}

    /**
     * @param placed false when the trial has no site with a known position, so nobody can be near it
     * @param threshold the smallest count shown as a number
     */
    public record Feasibility(Count total, List<RegionCount> regions, boolean placed, int threshold) {}

    private final TrialFactsReader facts;
    private final ProfileStore profiles;
    private final PostalCodes postalCodes;
    private final int threshold;

    EstimatingFeasibility(
            TrialFactsReader facts, ProfileStore profiles, PostalCodes postalCodes, RecruitmentProperties properties) {
        this.facts = facts;
        this.profiles = profiles;
        this.postalCodes = postalCodes;
        this.threshold = properties.feasibilityThreshold();
    }

    /** The counts for a current trial; empty when there is no such trial. */
    public Mono<Feasibility> estimate(String trialId) {
        var today = LocalDate.now(DENMARK);
        return facts.anyStatus(trialId)
                .flatMap(trial -> profiles.candidates(trial, today)
                        .filter(profile -> ProfileMatching.matches(profile, trial, today))
                        .collect(
                                TreeMap<String, Long>::new,
                                (byRegion, profile) -> byRegion.merge(region(profile), 1L, Long::sum))
                        .map(byRegion -> feasibility(byRegion, !trial.sites().isEmpty())));
    }

    Feasibility feasibility(Map<String, Long> byRegion, boolean placed) {
        var total = byRegion.values().stream().mapToLong(Long::longValue).sum();
        var regions = new ArrayList<RegionCount>();
        byRegion.forEach((region, n) -> regions.add(new RegionCount(region, count(n))));
        var suppressed = regions.stream().filter(r -> r.count().suppressed()).count();
        if (suppressed == 1 && !count(total).suppressed()) {
            regions.stream()
                    .filter(r -> !r.count().suppressed())
                    .min(Comparator.comparingLong(r -> r.count().value()))
                    .ifPresent(smallest -> regions.set(
                            regions.indexOf(smallest), new RegionCount(smallest.region(), new Count(0, true))));
        }
        return new Feasibility(count(total), List.copyOf(regions), placed, threshold);
    }

    private Count count(long n) {
        return n < threshold ? new Count(0, true) : new Count(n, false);
    }

    private String region(InterestProfile profile) {
        return postalCodes.find(profile.postalCode()).map(Place::region).orElse(UNKNOWN_REGION);
    }
}
