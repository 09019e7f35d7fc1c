package dk.trialport.fhir;

import dk.trialport.search.vocabulary.Code;
import dk.trialport.search.vocabulary.CodedCondition;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Patient;

/**
 * What trial matching needs of a posted patient, read from a FHIR Bundle (Patient and Conditions):
 * age, sex and the conditions that are not resolved. Nothing of it is kept.
 *
 * @param age whole years today, null without a birth date
 * @param sex male or female, null when the patient's gender is another or unknown
 */
record PatientFacts(Integer age, String sex, List<CodedCondition> conditions) {

    static PatientFacts of(Bundle bundle) {
        var patient = bundle.getEntry().stream()
                .map(Bundle.BundleEntryComponent::getResource)
                .filter(Patient.class::isInstance)
                .map(Patient.class::cast)
                .findFirst()
                .orElse(null);
        var conditions = bundle.getEntry().stream()
                .map(Bundle.BundleEntryComponent::getResource)
                .filter(Condition.class::isInstance)
                .map(Condition.class::cast)
                .filter(PatientFacts::current)
                .map(condition -> new CodedCondition(
                        condition.getCode().hasText() ? condition.getCode().getText() : null,
                        condition.getCode().getCoding().stream()
                                .map(c -> new Code(c.getSystem(), c.getCode()))
                                .toList()))
                .toList();
        return new PatientFacts(age(patient), sex(patient), conditions);
    }

    /** A condition counts unless it is resolved, inactive or in remission, or was entered in error. */
    private static boolean current(Condition condition) {
        var status = condition.getClinicalStatus().getCodingFirstRep().getCode();
        var verification = condition.getVerificationStatus().getCodingFirstRep().getCode();
        return (status == null || List.of("active", "recurrence", "relapse").contains(status))
                && !"entered-in-error".equals(verification)
                && !"refuted".equals(verification);
    }

    private static Integer age(Patient patient) {
        if (patient == null || !patient.hasBirthDate()) {
            return null;
        }
        var born = patient.getBirthDate()
                .toInstant()
                .atZone(ZoneId.of("Europe/Copenhagen"))
                .toLocalDate();
        return Period.between(born, LocalDate.now()).getYears();
    }

    private static String sex(Patient patient) {
        if (patient == null || !patient.hasGender()) {
            return null;
        }
        return patient.getGender() == AdministrativeGender.MALE
                ? "male"
                : patient.getGender() == AdministrativeGender.FEMALE ? "female" : null;
    }
}
