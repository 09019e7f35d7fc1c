package dk.trialport.clinician;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A doctor reads a laboratory result's unit and date as written on paper, not as the record's codes. */
class LabResultsTest {

    private static final Locale DANISH = Locale.of("da");

    @Test
    void theEgfrUnitLosesItsAnnotationBracesInEachLanguage() {
        assertThat(LabResults.unit("mL/min/{1.73_m2}", DANISH)).isEqualTo("mL/min/1,73 m²");
        assertThat(LabResults.unit("mL/min/{1.73_m2}", Locale.ENGLISH)).isEqualTo("mL/min/1.73 m²");
    }

    @Test
    void aUnitWithoutAnnotationIsShownAsItIs() {
        assertThat(LabResults.unit("mmol/mol", DANISH)).isEqualTo("mmol/mol");
        assertThat(LabResults.unit("%", Locale.ENGLISH)).isEqualTo("%");
        assertThat(LabResults.unit(null, Locale.ENGLISH)).isEmpty();
    }

    @Test
    void theDateIsWrittenOutInThePagesLanguage() {
        assertThat(LabResults.date(LocalDate.of(2018, 8, 17), DANISH)).isEqualTo("17. aug. 2018");
        assertThat(LabResults.date(LocalDate.of(2018, 8, 17), Locale.ENGLISH)).isEqualTo("Aug 17, 2018");
    }
}
