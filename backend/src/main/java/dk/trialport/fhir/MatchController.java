package dk.trialport.fhir;

import ca.uhn.fhir.context.FhirContext;
import dk.trialport.catalogue.CatalogueStore;
import dk.trialport.search.InvalidSearch;
import java.util.Locale;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code POST /fhir/ResearchStudy/$match}, as in the CodeX trial-matching operation: a Parameters
 * resource with {@code trialMatchClinicalData} (a Bundle with the Patient and their Conditions) and
 * optional {@code zipCode}, {@code travelRadius} (km), {@code phase}, {@code recruitmentStatus}; the answer
 * is a searchset Bundle of trials whose conditions, age, sex and sites fit, best first, each with
 * {@code search.score} between 0 and 1. Nothing of the posted patient is stored or logged.
 */
@RestController
class MatchController {

    private static final Logger log = LoggerFactory.getLogger(MatchController.class);
    private final FhirContext context;
    private final TrialMatching matching;
    private final CatalogueStore store;
    private final FhirResponses responses;
    private final FhirAccess access;
    private final ResourceIntake intake;

    MatchController(
            FhirContext context,
            TrialMatching matching,
            CatalogueStore store,
            FhirResponses responses,
            FhirAccess access,
            ResourceIntake intake) {
        this.intake = intake;
        this.context = context;
        this.matching = matching;
        this.store = store;
        this.responses = responses;
        this.access = access;
    }

    @PostMapping("/fhir/ResearchStudy/$match")
    Mono<ResponseEntity<String>> match(@RequestBody(required = false) byte[] body, ServerHttpRequest request) {
        return access.require("ResearchStudy", FhirAccess.READ)
                .then(ResourceController.offEventLoop(() -> criteria(parameters(body, request))))
                .flatMap(criteria -> matching.match(criteria).onErrorMap(MatchController::problem))
                .flatMap(matches -> Flux.fromIterable(matches.matches())
                        .concatMap(match -> store.read(
                                        "ResearchStudy", match.trial().id())
                                .filter(stored -> !stored.deleted())
                                .map(stored -> Map.entry(stored, match.score())))
                        .collectList()
                        .map(found -> {
                            var bundle = new Bundle()
                                    .setType(Bundle.BundleType.SEARCHSET)
                                    .setTotal((int) matches.total());
                            var base = FhirBase.url(request);
                            var json = context.newJsonParser();
                            found.forEach(entry -> bundle.addEntry()
                                    .setFullUrl(base + "/ResearchStudy/"
                                            + entry.getKey().id())
                                    .setResource((Resource)
                                            json.parseResource(entry.getKey().body()))
                                    .getSearch()
                                    .setMode(Bundle.SearchEntryMode.MATCH)
                                    .setScore(entry.getValue()));
                            log.info("$match answered with {} of {} trials", found.size(), matches.total());
                            return responses.resource(HttpStatus.OK, bundle, request);
                        }));
    }

    private static Throwable problem(Throwable error) {
        if (error instanceof TrialMatching.NoKnownCondition) {
            return new FhirProblem(HttpStatus.UNPROCESSABLE_CONTENT, "not-found", error.getMessage(), null);
        }
        if (error instanceof InvalidSearch) {
            return new FhirProblem(HttpStatus.BAD_REQUEST, "value", error.getMessage(), "Parameters.parameter");
        }
        return error;
    }

    /** The posted Parameters, read as strictly as any resource; only broken structure is refused (the patient is not stored). */
    private Parameters parameters(byte[] body, ServerHttpRequest request) {
        if (body == null || body.length == 0) {
            throw new FhirProblem(HttpStatus.BAD_REQUEST, "required", "$match needs a Parameters resource", null);
        }
        var parameters = (Parameters) intake.read(body, request, "Parameters");
        intake.checkStructure(parameters, false);
        return parameters;
    }

    private TrialMatching.Criteria criteria(Parameters parameters) {
        var data = parameter(parameters, "trialMatchClinicalData");
        if (data == null || !(data.getResource() instanceof Bundle bundle)) {
            throw new FhirProblem(
                    HttpStatus.BAD_REQUEST,
                    "required",
                    "trialMatchClinicalData must be a Bundle with the Patient and their Conditions",
                    "Parameters.parameter");
        }
        long patients = bundle.getEntry().stream()
                .filter(entry -> entry.getResource() instanceof Patient)
                .count();
        if (patients != 1) {
            throw new FhirProblem(
                    HttpStatus.BAD_REQUEST,
                    patients == 0 ? "required" : "invalid",
                    "trialMatchClinicalData must hold exactly one Patient, not " + patients,
                    "Parameters.parameter");
        }
        var recruitmentStatus = value(parameters, "recruitmentStatus");
        if (recruitmentStatus != null) {
            for (var status : recruitmentStatus.split(",")) {
                if (!status.strip().equals("all")) {
                    StudySearchParameters.recruitmentStatus("recruitmentStatus", status.strip());
                }
            }
        }
        var patient = PatientFacts.of(bundle);
        var radius = kilometres(value(parameters, "travelRadius"));
        return new TrialMatching.Criteria(
                patient.age(),
                patient.sex(),
                patient.conditions(),
                value(parameters, "zipCode"),
                radius == null ? null : Integer.valueOf(radius),
                value(parameters, "phase"),
                value(parameters, "recruitmentStatus"),
                50,
                Locale.ENGLISH);
    }

    private static String kilometres(String radius) {
        try {
            return radius == null ? null : Long.toString(Math.round(Double.parseDouble(radius)));
        } catch (NumberFormatException e) {
            throw new FhirProblem(
                    HttpStatus.BAD_REQUEST,
                    "value",
                    "travelRadius must be a number of km, not " + radius,
                    "Parameters.parameter");
        }
    }

    /** The parameter of that name; unlike {@link Parameters#getParameter(String)}, safe with an unnamed one. */
    private static Parameters.ParametersParameterComponent parameter(Parameters parameters, String name) {
        return parameters.getParameter().stream()
                .filter(p -> name.equals(p.getName()))
                .findFirst()
                .orElse(null);
    }

    private static String value(Parameters parameters, String name) {
        var parameter = parameter(parameters, name);
        if (parameter == null || parameter.getValue() == null) {
            return null;
        }
        var value = parameter.getValue();
        if (value instanceof org.hl7.fhir.r4.model.CodeableConcept concept) {
            return concept.getCodingFirstRep().getCode();
        }
        if (value instanceof org.hl7.fhir.r4.model.Coding coding) {
            return coding.getCode();
        }
        if (value instanceof org.hl7.fhir.r4.model.Quantity quantity) {
            return quantity.hasValue() ? quantity.getValue().toPlainString() : null;
        }
        return value.primitiveValue();
    }
}
