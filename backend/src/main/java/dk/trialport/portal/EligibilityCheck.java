package dk.trialport.portal;

import dk.trialport.search.vocabulary.GeoPoint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * "Could this be for me?": what a person tells (age, sex, healthy or not, where they live) against what a
 * trial states, one answer per criterion. What the trial does not state is unknown, never guessed; a
 * missing age bound in a stated eligibility is open, as in the search.
 */
final class EligibilityCheck {

    private EligibilityCheck() {}

    /** An answer to one criterion. */
    public enum Answer {
        YES,
        NO,
        UNKNOWN
    }

    /**
     * What a trial states about who can take part.
     *
     * @param stated false when the trial gives no eligibility at all: then age and sex are unknown
     * @param sex male or female when only one sex can take part, null when anyone can, anything else unclear
     */
    record Eligibility(boolean stated, Double minimumAge, Double maximumAge, String sex, Boolean healthyVolunteers) {}

    /** What a person told; null where they told nothing. */
    record Person(Double age, String sex, Boolean healthy, GeoPoint place) {}

    /** A site that has a position. */
    record SitePoint(String name, GeoPoint point) {}

    /**
     * One criterion's answer; {@code reason} says why ({@code within}, {@code below-minimum},
     * {@code not-stated}, …), {@code site} and {@code distanceKm} are set for the distance criterion.
     */
    record Outcome(String criterion, Answer answer, String reason, String site, Double distanceKm) {

        static Outcome of(String criterion, Answer answer, String reason) {
            return new Outcome(criterion, answer, reason, null, null);
        }
    }

    /** The answers for what the person told, in the order age, sex, healthy, distance. */
    static List<Outcome> check(Eligibility trial, Person person, List<SitePoint> sites) {
        var outcomes = new ArrayList<Outcome>();
        if (person.age() != null) {
            outcomes.add(age(trial, person.age()));
        }
        if (person.sex() != null) {
            outcomes.add(sex(trial, person.sex()));
        }
        if (person.healthy() != null) {
            outcomes.add(healthy(trial, person.healthy()));
        }
        if (person.place() != null) {
            outcomes.add(distance(sites, person.place()));
        }
        return outcomes;
    }

    static Outcome age(Eligibility trial, double age) {
        if (!trial.stated()) {
            return Outcome.of("age", Answer.UNKNOWN, "not-stated");
        }
        if (trial.minimumAge() != null && age < trial.minimumAge()) {
            return Outcome.of("age", Answer.NO, "below-minimum");
        }
        if (trial.maximumAge() != null && age > trial.maximumAge()) {
            return Outcome.of("age", Answer.NO, "above-maximum");
        }
        return Outcome.of(
                "age", Answer.YES, trial.minimumAge() == null && trial.maximumAge() == null ? "any" : "within");
    }

    static Outcome sex(Eligibility trial, String sex) {
        if (!trial.stated()) {
            return Outcome.of("sex", Answer.UNKNOWN, "not-stated");
        }
        if (trial.sex() == null) {
            return Outcome.of("sex", Answer.YES, "any");
        }
        if (!trial.sex().equals("male") && !trial.sex().equals("female")) {
            return Outcome.of("sex", Answer.UNKNOWN, "not-stated");
        }
        return Outcome.of("sex", trial.sex().equals(sex) ? Answer.YES : Answer.NO, "only-" + trial.sex());
    }

    static Outcome healthy(Eligibility trial, boolean healthy) {
        if (!healthy) {
            return Outcome.of("healthy", Answer.YES, "patient");
        }
        if (trial.healthyVolunteers() == null) {
            return Outcome.of("healthy", Answer.UNKNOWN, "not-stated");
        }
        return trial.healthyVolunteers()
                ? Outcome.of("healthy", Answer.YES, "welcome")
                : Outcome.of("healthy", Answer.NO, "patients-only");
    }

    /** The nearest site and how far it is; unknown when no site has a position. */
    static Outcome distance(List<SitePoint> sites, GeoPoint from) {
        return sites.stream()
                .min(Comparator.comparingDouble(site -> site.point().distanceKm(from)))
                .map(site -> new Outcome(
                        "distance",
                        Answer.YES,
                        "nearest",
                        site.name(),
                        Math.round(site.point().distanceKm(from) * 10) / 10.0))
                .orElse(Outcome.of("distance", Answer.UNKNOWN, "not-stated"));
    }
}
