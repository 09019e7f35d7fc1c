package dk.trialport.fhir;

import ca.uhn.fhir.context.FhirContext;
import dk.trialport.search.vocabulary.CodedCondition;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * Reads what trial matching needs of one patient from an electronic health record's FHIR R4 server (a SMART on FHIR
 * launch): the Patient (age, sex, home postal code), their Conditions and their latest HbA1c and eGFR Observations.
 * The answer lives only in memory for the page being built: nothing of it is stored or logged.
 */
@Component
public class EhrRecords {

    /** The LOINC codes of the laboratory results the clinician app shows, by the name its pages use. */
    static final Map<String, List<String>> LABS = Map.of(
            "hba1c", List.of("4548-4", "17856-6", "59261-8"),
            "egfr", List.of("33914-3", "48642-3", "48643-1", "62238-1", "98979-8"));

    private static final String LOINC = "http://loinc.org";
    private static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json");

    private final FhirContext context;

    EhrRecords(FhirContext context) {
        this.context = context;
    }

    /**
     * One patient as the record has them.
     *
     * @param age whole years today, null without a birth date
     * @param sex male or female, null otherwise
     * @param postalCode the home address's postal code, null without one
     * @param conditions the current conditions (not resolved, refuted or entered in error)
     * @param labs the latest result of each laboratory test in {@link #LABS} the record has
     */
    public record EhrPatient(
            Integer age, String sex, String postalCode, List<CodedCondition> conditions, List<LabResult> labs) {}

    /** A laboratory result: test name ({@code hba1c}, {@code egfr}), value, unit and the day it was taken. */
    public record LabResult(String test, BigDecimal value, String unit, LocalDate date) {}

    /**
     * Reads the patient through a client that already points at the record's FHIR base URL and carries the access
     * token; fails with the client's error when the record refuses (a 401 or 403: the launch has ended).
     */
    public Mono<EhrPatient> read(WebClient ehr, String patientId) {
        var patient = get(ehr, "/Patient/{id}", patientId).map(json -> parse(Patient.class, json));
        var conditions =
                get(ehr, "/Condition?patient={id}&_count=200", patientId).map(json -> parse(Bundle.class, json));
        var codes = LABS.values().stream()
                .flatMap(List::stream)
                .map(code -> LOINC + "|" + code)
                .reduce((a, b) -> a + "," + b)
                .orElseThrow();
        var observations = get(ehr, "/Observation?patient={id}&code={codes}&_sort=-date&_count=200", patientId, codes)
                .map(json -> parse(Bundle.class, json));
        return Mono.zip(patient, conditions, observations)
                .map(found -> patient(found.getT1(), found.getT2(), found.getT3()));
    }

    private static Mono<String> get(WebClient ehr, String path, Object... variables) {
        return ehr.get()
                .uri(path, variables)
                .accept(FHIR_JSON, MediaType.APPLICATION_JSON)
                .retrieve()
                .bodyToMono(String.class);
    }

    private <T extends Resource> T parse(Class<T> type, String json) {
        return context.newJsonParser().parseResource(type, json);
    }

    private static EhrPatient patient(Patient patient, Bundle conditions, Bundle observations) {
        var bundle = new Bundle();
        bundle.addEntry().setResource(patient);
        conditions.getEntry().stream()
                .map(Bundle.BundleEntryComponent::getResource)
                .filter(Condition.class::isInstance)
                .forEach(condition -> bundle.addEntry().setResource(condition));
        var facts = PatientFacts.of(bundle);
        var labs = LABS.keySet().stream()
                .sorted()
                .map(test -> latest(test, observations))
                .flatMap(Optional::stream)
                .toList();
        return new EhrPatient(facts.age(), facts.sex(), postalCode(patient), facts.conditions(), labs);
    }

    private static String postalCode(Patient patient) {
        return patient.getAddress().stream()
                .filter(address -> address.hasPostalCode())
                .min(Comparator.comparing(address -> address.getUse() == Address.AddressUse.HOME ? 0 : 1))
                .map(Address::getPostalCode)
                .orElse(null);
    }

    private static Optional<LabResult> latest(String test, Bundle observations) {
        return observations.getEntry().stream()
                .map(Bundle.BundleEntryComponent::getResource)
                .filter(Observation.class::isInstance)
                .map(Observation.class::cast)
                .filter(observation -> observation.hasValueQuantity() && observation.hasEffectiveDateTimeType())
                .filter(observation -> observation.getStatus() != Observation.ObservationStatus.ENTEREDINERROR)
                .filter(observation -> observation.getCode().getCoding().stream()
                        .anyMatch(coding -> LOINC.equals(coding.getSystem())
                                && LABS.get(test).contains(coding.getCode())))
                .max(Comparator.comparing(
                        observation -> observation.getEffectiveDateTimeType().getValue()))
                .map(observation -> new LabResult(
                        test,
                        observation.getValueQuantity().getValue(),
                        observation.getValueQuantity().hasUnit()
                                ? observation.getValueQuantity().getUnit()
                                : observation.getValueQuantity().getCode(),
                        observation
                                .getEffectiveDateTimeType()
                                .getValue()
                                .toInstant()
                                .atZone(ZoneId.of("Europe/Copenhagen"))
                                .toLocalDate()));
    }
}
