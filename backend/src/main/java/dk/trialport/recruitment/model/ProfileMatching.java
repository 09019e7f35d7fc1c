package dk.trialport.recruitment.model;

import java.time.LocalDate;

/**
 * Whether a trial is one a profile asked to hear about. Each rule answers only from what the trial states:
 * a missing age bound is open, an unstated sex or healthy-volunteer rule excludes no one. A trial without a
 * placed site is never near anyone.
 */
public final class ProfileMatching {

    private ProfileMatching() {}

    /** All rules: an active profile, the topic, age, sex, healthy volunteers and travel distance. */
    public static boolean matches(InterestProfile profile, TrialFacts trial, LocalDate today) {
        return !profile.isPaused()
                && topicFits(profile, trial)
                && ageFits(profile.ageOn(today), trial)
                && sexFits(profile.sex(), trial)
                && healthyFits(profile.healthyVolunteer(), trial)
                && withinReach(profile.home(), profile.travelKm(), trial);
    }

    /** One of the profile's areas or concepts is among the trial's, or a healthy volunteer meets a trial for them. */
    public static boolean topicFits(InterestProfile profile, TrialFacts trial) {
        return profile.areas().stream().anyMatch(trial.concepts()::contains)
                || profile.healthyVolunteer() && Boolean.TRUE.equals(trial.healthyVolunteers());
    }

    public static boolean ageFits(int age, TrialFacts trial) {
        return (trial.minimumAge() == null || age >= trial.minimumAge())
                && (trial.maximumAge() == null || age <= trial.maximumAge());
    }

    public static boolean sexFits(String sex, TrialFacts trial) {
        return trial.sex() == null || trial.sex().equals(sex);
    }

    /** A healthy volunteer fits unless the trial says it takes none; a patient always fits. */
    public static boolean healthyFits(boolean healthyVolunteer, TrialFacts trial) {
        return !healthyVolunteer || !Boolean.FALSE.equals(trial.healthyVolunteers());
    }

    /** Some site lies within the travel distance: a bounding box first, then the exact great-circle distance. */
    public static boolean withinReach(Position home, int travelKm, TrialFacts trial) {
        return trial.sites().stream().anyMatch(site -> home.inBox(site, travelKm) && home.distanceKm(site) <= travelKm);
    }
}
