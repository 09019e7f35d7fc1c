package dk.trialport.registry.ctis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.hl7.fhir.r4.model.ResearchStudy.ResearchStudyStatus;
import org.junit.jupiter.api.Test;

/** CTIS's wording of status, phase, gender and age groups as FHIR codes. */
class CtisCodesTest {

    @Test
    void readsTrialStatuses() {
        assertThat(CtisCodes.status("Ongoing, recruiting").recruitment()).isEqualTo("recruiting");
        assertThat(CtisCodes.status("Authorised").status()).isEqualTo(ResearchStudyStatus.APPROVED);
        assertThat(CtisCodes.status("Ongoing, recruitment ended").recruitment()).isEqualTo("active-not-recruiting");
        assertThat(CtisCodes.status("Temporarily halted").recruitment()).isEqualTo("suspended");
        assertThat(CtisCodes.status("Ended").status()).isEqualTo(ResearchStudyStatus.COMPLETED);
        assertThatThrownBy(() -> CtisCodes.status("Under evaluation")).hasMessageContaining("not authorised yet");
        assertThatThrownBy(() -> CtisCodes.status("Pending")).hasMessageContaining("Unknown trial status Pending");
    }

    @Test
    void readsPhasesInEitherWording() {
        assertThat(CtisCodes.phase("Therapeutic confirmatory (Phase III)").getCode())
                .isEqualTo("phase-3");
        assertThat(CtisCodes.phase("Human pharmacology (Phase I) - First administration to humans")
                        .getCode())
                .isEqualTo("phase-1");
        assertThat(CtisCodes.phase("Phase I and Phase II (Integrated)").getCode())
                .isEqualTo("phase-1-phase-2");
        assertThat(CtisCodes.phase("Phase 2/3").getCode()).isEqualTo("phase-2-phase-3");
        assertThat(CtisCodes.phase("Therapeutic use (Phase IV)").getCode()).isEqualTo("phase-4");
        assertThat(CtisCodes.phase(null)).isNull();
    }

    @Test
    void turnsAgeGroupsIntoOneRange() {
        var range = CtisCodes.ages(
                null, null, List.of("Infants and toddlers (28 days-23 months)", "Children (2-11 years)"));
        assertThat(range.getLow().getValue()).isEqualByComparingTo("28");
        assertThat(range.getLow().getCode()).isEqualTo("d");
        assertThat(range.getHigh().getCode()).isEqualTo("d");
        assertThat(range.getHigh().getValue()).isEqualByComparingTo("4017.75");
        var adults = CtisCodes.ages(null, null, List.of("18-64 years", "Elderly (≥65 years)"));
        assertThat(adults.getLow().getValue()).isEqualByComparingTo("18");
        assertThat(adults.hasHigh()).isFalse();
        assertThat(CtisCodes.ages("18 years", "75 years", List.of("65+ years"))
                        .getHigh()
                        .getValue())
                .isEqualByComparingTo("75");
        assertThat(CtisCodes.ages(null, null, List.of("In utero"))).isNull();
    }

    @Test
    void restrictsSexOnlyWhenOneIsGiven() {
        assertThat(CtisCodes.gender(List.of("Female")).getCode()).isEqualTo("female");
        assertThat(CtisCodes.gender(List.of("Female", "Male"))).isNull();
        assertThat(CtisCodes.gender(List.of())).isNull();
    }
}
