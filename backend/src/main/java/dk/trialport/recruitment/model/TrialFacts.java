package dk.trialport.recruitment.model;

import java.util.List;
import java.util.Set;

/**
 * A trial as matching reads it: its condition concepts (with every ancestor, so areas are among them),
 * its eligibility where stated, and where its sites are.
 *
 * @param minimumAge null when the trial sets no lower bound
 * @param maximumAge null when the trial sets no upper bound
 * @param sex male or female when the trial is for one sex only, otherwise null
 * @param healthyVolunteers whether the trial takes healthy volunteers; null when it does not say
 */
public record TrialFacts(
        String trialId,
        Set<String> concepts,
        Double minimumAge,
        Double maximumAge,
        String sex,
        Boolean healthyVolunteers,
        List<Position> sites) {

    public TrialFacts {
        concepts = Set.copyOf(concepts);
        sites = List.copyOf(sites);
    }
}
