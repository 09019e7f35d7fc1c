package dk.trialport.clinician;

import dk.trialport.fhir.EhrRecords;
import dk.trialport.search.vocabulary.CodedCondition;
import java.util.List;

/**
 * What the app matches on, from the patient's record (a launch) or typed by the doctor. Held in memory for one page;
 * public so that templates can read it.
 *
 * @param postalCode a Danish postal code the vocabulary knows, or null
 * @param recordedPostalCode the record's postal code as it was, when it is not a known Danish one (shown, not used)
 * @param labs the record's latest HbA1c and eGFR; null when the facts were typed (then no record was read)
 */
public record PatientFacts(
        Integer age,
        String sex,
        String postalCode,
        String recordedPostalCode,
        List<CodedCondition> conditions,
        List<EhrRecords.LabResult> labs) {

    public boolean fromRecord() {
        return labs != null;
    }

    /** The record's latest result of the test ({@code hba1c}, {@code egfr}), or null. */
    public EhrRecords.LabResult lab(String test) {
        return labs == null
                ? null
                : labs.stream()
                        .filter(lab -> lab.test().equals(test))
                        .findFirst()
                        .orElse(null);
    }
}
