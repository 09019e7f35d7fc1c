package dk.trialport.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dk.trialport.portal.EligibilityCheck.Answer;
import dk.trialport.portal.EligibilityCheck.Eligibility;
import dk.trialport.portal.EligibilityCheck.Person;
import dk.trialport.portal.EligibilityCheck.SitePoint;
import dk.trialport.search.vocabulary.GeoPoint;
import java.util.List;
import org.junit.jupiter.api.Test;

class EligibilityCheckTest {

    private static final Eligibility ADULTS = new Eligibility(true, 18.0, 75.0, null, false);
    private static final Eligibility FROM_18 = new Eligibility(true, 18.0, null, null, null);
    private static final Eligibility WOMEN = new Eligibility(true, 18.0, null, "female", true);
    private static final Eligibility NOTHING_STATED = new Eligibility(false, null, null, null, null);
    private static final GeoPoint AARHUS = new GeoPoint(56.15, 10.21);

    @Test
    void ageWithinTheBoundsIsYesOutsideIsNo() {
        assertThat(EligibilityCheck.age(ADULTS, 40).answer()).isEqualTo(Answer.YES);
        assertThat(EligibilityCheck.age(ADULTS, 18).answer()).isEqualTo(Answer.YES);
        assertThat(EligibilityCheck.age(ADULTS, 17).reason()).isEqualTo("below-minimum");
        assertThat(EligibilityCheck.age(ADULTS, 80).answer()).isEqualTo(Answer.NO);
        assertThat(EligibilityCheck.age(ADULTS, 80).reason()).isEqualTo("above-maximum");
    }

    @Test
    void aMissingUpperBoundIsOpen() {
        assertThat(EligibilityCheck.age(FROM_18, 80).answer()).isEqualTo(Answer.YES);
        assertThat(EligibilityCheck.age(FROM_18, 16).answer()).isEqualTo(Answer.NO);
    }

    @Test
    void sexRestrictionsAnswerYesOrNoAnyoneIsYes() {
        assertThat(EligibilityCheck.sex(WOMEN, "female").answer()).isEqualTo(Answer.YES);
        assertThat(EligibilityCheck.sex(WOMEN, "male").answer()).isEqualTo(Answer.NO);
        assertThat(EligibilityCheck.sex(ADULTS, "male").answer()).isEqualTo(Answer.YES);
        assertThat(EligibilityCheck.sex(ADULTS, "male").reason()).isEqualTo("any");
    }

    @Test
    void anUnclearSexRestrictionIsNotStated() {
        var unclear = new Eligibility(true, null, null, "unknown", null);
        assertThat(EligibilityCheck.sex(unclear, "female").answer()).isEqualTo(Answer.UNKNOWN);
        assertThat(EligibilityCheck.sex(unclear, "female").reason()).isEqualTo("not-stated");
    }

    @Test
    void withoutAnyEligibilityNothingIsGuessed() {
        var outcomes = EligibilityCheck.check(NOTHING_STATED, new Person(50.0, "male", true, null), List.of());
        assertThat(outcomes)
                .extracting(EligibilityCheck.Outcome::answer)
                .containsExactly(Answer.UNKNOWN, Answer.UNKNOWN, Answer.UNKNOWN);
    }

    @Test
    void healthyVolunteersAreUnknownWhenTheTrialDoesNotSay() {
        assertThat(EligibilityCheck.healthy(FROM_18, true).answer()).isEqualTo(Answer.UNKNOWN);
        assertThat(EligibilityCheck.healthy(ADULTS, true).answer()).isEqualTo(Answer.NO);
        assertThat(EligibilityCheck.healthy(WOMEN, true).answer()).isEqualTo(Answer.YES);
        // A person with the condition is who a trial is for, whatever it says about healthy volunteers.
        assertThat(EligibilityCheck.healthy(FROM_18, false).answer()).isEqualTo(Answer.YES);
    }

    @Test
    void distanceIsToTheNearestSiteAndUnknownWithoutPositions() {
        var sites = List.of(
                new SitePoint("Rigshospitalet", new GeoPoint(55.696, 12.5683)),
                new SitePoint("Aarhus Universitetshospital", new GeoPoint(56.19, 10.17)));
        var nearest = EligibilityCheck.distance(sites, AARHUS);
        assertThat(nearest.answer()).isEqualTo(Answer.YES);
        assertThat(nearest.site()).isEqualTo("Aarhus Universitetshospital");
        assertThat(nearest.distanceKm()).isBetween(3.0, 8.0);
        assertThat(EligibilityCheck.distance(List.of(), AARHUS).answer()).isEqualTo(Answer.UNKNOWN);
    }

    @Test
    void onlyWhatThePersonToldIsAnswered() {
        assertThat(EligibilityCheck.check(ADULTS, new Person(null, null, null, null), List.of()))
                .isEmpty();
        assertThat(EligibilityCheck.check(ADULTS, new Person(30.0, null, null, AARHUS), List.of()))
                .extracting(EligibilityCheck.Outcome::criterion)
                .containsExactly("age", "distance");
    }
}
