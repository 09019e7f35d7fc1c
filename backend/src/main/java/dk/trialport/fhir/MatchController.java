package dk.trialport.fhir;

import ca.uhn.fhir.context.FhirContext;
import dk.trialport.catalogue.CatalogueStore;
import dk.trialport.search.InvalidSearch;
import dk.trialport.search.TrialQuery;
import dk.trialport.search.TrialQueryParser;
import dk.trialport.search.TrialSearch;
import dk.trialport.search.vocabulary.ConditionVocabulary;
import java.util.LinkedHashMap;
import java.util.List;
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
import org.springframework.util.LinkedMultiValueMap;
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
    /** A concept the patient has counts fully; a broader one (not a whole area) half. */
    private static final double EXACT = 1.0;

    private static final double BROADER = 0.5;

    private final FhirContext context;
    private final ConditionVocabulary vocabulary;
    private final TrialQueryParser parser;
    private final TrialSearch search;
    private final CatalogueStore store;
    private final FhirResponses responses;
    private final FhirAccess access;
    private final ResourceIntake intake;

    MatchController(
            FhirContext context,
            ConditionVocabulary vocabulary,
            TrialQueryParser parser,
            TrialSearch search,
            CatalogueStore store,
            FhirResponses responses,
            FhirAccess access,
            ResourceIntake intake) {
        this.intake = intake;
        this.context = context;
        this.vocabulary = vocabulary;
        this.parser = parser;
        this.search = search;
        this.store = store;
        this.responses = responses;
        this.access = access;
    }

    @PostMapping("/fhir/ResearchStudy/$match")
    Mono<ResponseEntity<String>> match(@RequestBody(required = false) byte[] body, ServerHttpRequest request) {
        return access.require("ResearchStudy", FhirAccess.READ)
                .then(ResourceController.offEventLoop(() -> query(parameters(body, request))))
                .flatMap(query -> search.search(query)
                        .flatMap(page -> Flux.fromIterable(page.items())
                                .concatMap(item -> store.read("ResearchStudy", item.id())
                                        .filter(stored -> !stored.deleted())
                                        .map(stored -> Map.entry(
                                                stored, item.score() == null ? 0 : item.score() / maxScore(query))))
                                .collectList()
                                .map(found -> {
                                    var bundle = new Bundle()
                                            .setType(Bundle.BundleType.SEARCHSET)
                                            .setTotal((int) page.total());
                                    var base = FhirBase.url(request);
                                    var json = context.newJsonParser();
                                    found.forEach(entry -> bundle.addEntry()
                                            .setFullUrl(base + "/ResearchStudy/"
                                                    + entry.getKey().id())
                                            .setResource((Resource) json.parseResource(
                                                    entry.getKey().body()))
                                            .getSearch()
                                            .setMode(Bundle.SearchEntryMode.MATCH)
                                            .setScore(Math.min(1.0, entry.getValue())));
                                    log.info("$match answered with {} of {} trials", found.size(), page.total());
                                    return responses.resource(HttpStatus.OK, bundle, request);
                                })));
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

    private TrialQuery query(Parameters parameters) {
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
        var engine = new LinkedMultiValueMap<String, String>();
        put(engine, "age", patient.age() == null ? null : patient.age().toString());
        put(engine, "sex", patient.sex());
        put(engine, "postalCode", value(parameters, "zipCode"));
        put(engine, "distanceKm", kilometres(value(parameters, "travelRadius")));
        put(engine, "phase", value(parameters, "phase"));
        put(
                engine,
                "status",
                value(parameters, "recruitmentStatus") == null ? "recruiting" : value(parameters, "recruitmentStatus"));
        put(engine, "size", "50");
        try {
            return parser.parse(engine, Locale.ENGLISH)
                    .with(new TrialQuery.FhirCriteria(List.of(), List.of(), null, weights(patient)));
        } catch (InvalidSearch e) {
            throw new FhirProblem(HttpStatus.BAD_REQUEST, "value", e.getMessage(), "Parameters.parameter");
        }
    }

    /**
     * The patient's concepts, found among a trial's concepts (weight 1: the trial is about it or about a
     * narrower form), and the broader ones that are not a whole area, only where a trial names the broader
     * condition itself (weight ½: a trial for diabetes mellitus takes type 2, a type 1 trial does not).
     */
    private List<TrialQuery.WeightedConcept> weights(PatientFacts patient) {
        var weights = new LinkedHashMap<String, TrialQuery.WeightedConcept>();
        for (var concept : vocabulary.matched(patient.conditions())) {
            weights.put(concept, new TrialQuery.WeightedConcept(concept, false, EXACT));
            for (var id : vocabulary.selfAndAncestors(concept)) {
                boolean isArea = vocabulary.concept(id).map(c -> c.isArea()).orElse(true);
                if (!id.equals(concept) && !isArea) {
                    weights.putIfAbsent("direct:" + id, new TrialQuery.WeightedConcept(id, true, BROADER));
                }
            }
        }
        if (weights.isEmpty()) {
            throw new FhirProblem(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "not-found",
                    "None of the patient's current conditions is known to Trialport's condition vocabulary",
                    null);
        }
        return List.copyOf(weights.values());
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

    private static double maxScore(TrialQuery query) {
        return query.fhir().concepts().stream()
                .filter(c -> !c.direct())
                .mapToDouble(TrialQuery.WeightedConcept::weight)
                .sum();
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

    private static void put(LinkedMultiValueMap<String, String> map, String name, String value) {
        if (value != null && !value.isBlank()) {
            map.add(name, value);
        }
    }
}
