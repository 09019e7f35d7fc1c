package dk.trialport.recruitment.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The pure rules of matching a trial against an interest profile. */
class ProfileMatchingTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final Position AARHUS = new Position(56.15, 10.20);
    static final Position AARHUS_HOSPITAL = new Position(56.19, 10.17);
    static final Position COPENHAGEN = new Position(55.696, 12.568);

    static InterestProfile profile(List<String> areas, int age, String sex, boolean healthy, int km) {
        var details = new InterestProfile.Details(areas, age, sex, healthy, "8000", AARHUS, km, true, null);
        return InterestProfile.create(
                UUID.randomUUID(),
                details,
                new Consent("profile-2026-11", TODAY.atStartOfDay().toInstant(java.time.ZoneOffset.UTC)));
    }

    static TrialFacts trial(
            Set<String> concepts, Double min, Double max, String sex, Boolean healthy, Position... sites) {
        return new TrialFacts("t1", concepts, min, max, sex, healthy, List.of(sites));
    }

    static final TrialFacts T2D_AARHUS =
            trial(Set.of("type-2-diabetes", "diabetes"), 18.0, 75.0, null, false, AARHUS_HOSPITAL);

    @Test
    void anAreaMatchesTheTrialsConceptsWithTheirAncestors() {
        assertThat(ProfileMatching.matches(profile(List.of("diabetes"), 54, "female", false, 50), T2D_AARHUS, TODAY))
                .isTrue();
        assertThat(ProfileMatching.matches(profile(List.of("cancer"), 54, "female", false, 50), T2D_AARHUS, TODAY))
                .isFalse();
    }

    @Test
    void ageMustBeInsideTheRangeAndAMissingBoundIsOpen() {
        assertThat(ProfileMatching.ageFits(18, T2D_AARHUS)).isTrue();
        assertThat(ProfileMatching.ageFits(75, T2D_AARHUS)).isTrue();
        assertThat(ProfileMatching.ageFits(76, T2D_AARHUS)).isFalse();
        assertThat(ProfileMatching.ageFits(17, T2D_AARHUS)).isFalse();
        assertThat(ProfileMatching.ageFits(99, trial(Set.of(), 18.0, null, null, null, AARHUS)))
                .isTrue();
        assertThat(ProfileMatching.ageFits(2, trial(Set.of(), null, null, null, null, AARHUS)))
                .isTrue();
    }

    @Test
    void theAgeGivenGrowsWithTime() {
        var given = profile(List.of("diabetes"), 75, "male", false, 50);
        assertThat(given.ageOn(TODAY)).isEqualTo(75);
        assertThat(given.ageOn(TODAY.plusYears(1))).isEqualTo(76);
        assertThat(ProfileMatching.matches(given, T2D_AARHUS, TODAY.plusYears(1)))
                .isFalse();
    }

    @Test
    void sexFitsWhenTheTrialIsForAllOrForThePersonsSex() {
        var women = trial(Set.of("breast-cancer"), null, null, "female", null, AARHUS);
        assertThat(ProfileMatching.sexFits("female", women)).isTrue();
        assertThat(ProfileMatching.sexFits("male", women)).isFalse();
        assertThat(ProfileMatching.sexFits("other", women)).isFalse();
        assertThat(ProfileMatching.sexFits("other", T2D_AARHUS)).isTrue();
    }

    @Test
    void healthyVolunteersMatchTrialsThatTakeThemAndNeverThoseThatSayNo() {
        var healthyOnly = profile(List.of(), 30, "male", true, 50);
        var vaccine = trial(Set.of("influenza"), 18.0, 45.0, null, true, AARHUS_HOSPITAL);
        assertThat(ProfileMatching.matches(healthyOnly, vaccine, TODAY)).isTrue();
        assertThat(ProfileMatching.matches(healthyOnly, T2D_AARHUS, TODAY)).isFalse();
        var healthyWithDiabetesInterest = profile(List.of("diabetes"), 30, "male", true, 50);
        assertThat(ProfileMatching.matches(healthyWithDiabetesInterest, T2D_AARHUS, TODAY))
                .as("trial says no")
                .isFalse();
        var unstated = trial(Set.of("diabetes"), null, null, null, null, AARHUS_HOSPITAL);
        assertThat(ProfileMatching.matches(healthyWithDiabetesInterest, unstated, TODAY))
                .as("not stated")
                .isTrue();
        assertThat(ProfileMatching.healthyFits(false, vaccine))
                .as("a patient always fits")
                .isTrue();
    }

    @Test
    void aSiteMustBeWithinTheTravelDistance() {
        assertThat(AARHUS.distanceKm(COPENHAGEN)).isBetween(150.0, 170.0);
        var copenhagenTrial = trial(Set.of("diabetes"), null, null, null, null, COPENHAGEN);
        assertThat(ProfileMatching.withinReach(AARHUS, 100, copenhagenTrial)).isFalse();
        assertThat(ProfileMatching.withinReach(AARHUS, 200, copenhagenTrial)).isTrue();
        var both = trial(Set.of("diabetes"), null, null, null, null, COPENHAGEN, AARHUS_HOSPITAL);
        assertThat(ProfileMatching.withinReach(AARHUS, 10, both))
                .as("the nearest site counts")
                .isTrue();
        assertThat(ProfileMatching.withinReach(AARHUS, 500, trial(Set.of(), null, null, null, null)))
                .as("no placed site")
                .isFalse();
    }

    @Test
    void aPausedProfileNeverMatchesUntilResumed() {
        var paused = profile(List.of("diabetes"), 54, "female", false, 50).pause(Instant.now());
        assertThat(ProfileMatching.matches(paused, T2D_AARHUS, TODAY)).isFalse();
        assertThat(ProfileMatching.matches(paused.resume(Instant.now()), T2D_AARHUS, TODAY))
                .isTrue();
    }
}
