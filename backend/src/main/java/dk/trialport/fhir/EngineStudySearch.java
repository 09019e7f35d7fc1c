package dk.trialport.fhir;

import ca.uhn.fhir.context.FhirContext;
import dk.trialport.catalogue.CatalogueStore;
import dk.trialport.search.InvalidSearch;
import dk.trialport.search.TrialQuery;
import dk.trialport.search.TrialQueryParser;
import dk.trialport.search.TrialSearch;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code GET /fhir/ResearchStudy?_content=…}: free-text trial search answered by the search engine that
 * serves the portal and the JSON API (Danish and English lay words, typos, the condition vocabulary),
 * ranked by relevance, combined with the trial parameters ({@code status}, {@code recruitment-status},
 * {@code phase}, {@code condition}, {@code condition:text}, {@code age}, {@code sex}). The resources themselves
 * come from the catalogue, so the bundle holds exactly what a read gives.
 */
@Component
class EngineStudySearch {

    static final String CONTENT = "_content";
    /** FHIR parameter → search engine parameter. */
    private static final Map<String, String> MAPPED = Map.of(
            CONTENT,
            "q",
            "recruitment-status",
            "status",
            "phase",
            "phase",
            "age",
            "age",
            "sex",
            "sex",
            "_count",
            "size",
            "_cursor",
            "cursor");

    private static final Set<String> FORMATTING = Set.of("_format", "_pretty", "_summary", "_elements", "_total");
    /** FHIR parameters the engine answers itself. */
    private static final Set<String> OWN = Set.of("status", "condition", "condition:text");

    private final TrialSearch search;
    private final TrialQueryParser parser;
    private final CatalogueStore store;
    private final FhirResponses responses;
    private final FhirContext context;

    EngineStudySearch(
            TrialSearch search,
            TrialQueryParser parser,
            CatalogueStore store,
            FhirResponses responses,
            FhirContext context) {
        this.search = search;
        this.parser = parser;
        this.store = store;
        this.responses = responses;
        this.context = context;
    }

    static boolean applies(String type, MultiValueMap<String, String> params) {
        return type.equals("ResearchStudy") && params.containsKey(CONTENT);
    }

    /** Searches with {@code params}: the request's parameters that the search honours. */
    Mono<ResponseEntity<String>> search(ServerHttpRequest request, MultiValueMap<String, String> params) {
        var query = parse(params);
        return search.search(query).flatMap(page -> {
            if ("count".equals(params.getFirst("_summary"))) {
                return Mono.just(responses.resource(
                        HttpStatus.OK,
                        new Bundle().setType(Bundle.BundleType.SEARCHSET).setTotal((int) page.total()),
                        request));
            }
            return Flux.fromIterable(page.items())
                    .concatMap(item -> store.read("ResearchStudy", item.id()).filter(stored -> !stored.deleted()))
                    .collectList()
                    .map(rows -> {
                        var bundle = new Bundle()
                                .setType(Bundle.BundleType.SEARCHSET)
                                .setTotal((int) page.total());
                        bundle.addLink()
                                .setRelation("self")
                                .setUrl(request.getURI().toString());
                        if (page.next() != null) {
                            bundle.addLink()
                                    .setRelation("next")
                                    .setUrl(UriComponentsBuilder.fromUri(request.getURI())
                                            .replaceQueryParam("_cursor", page.next())
                                            .build()
                                            .toUriString());
                        }
                        var base = FhirBase.url(request);
                        var jsonParser = context.newJsonParser();
                        for (var row : rows) {
                            bundle.addEntry()
                                    .setFullUrl(base + "/ResearchStudy/" + row.id())
                                    .setResource((Resource) jsonParser.parseResource(row.body()))
                                    .getSearch()
                                    .setMode(Bundle.SearchEntryMode.MATCH);
                        }
                        return responses.resource(HttpStatus.OK, bundle, request);
                    });
        });
    }

    /** Comma-separated and repeated values of a parameter, with FHIR's empty system ({@code |code}) as a bare code. */
    private static List<String> values(MultiValueMap<String, String> params, String name) {
        return params.getOrDefault(name, List.of()).stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::strip)
                .filter(value -> !value.isEmpty())
                .map(value -> value.startsWith("|") ? value.substring(1) : value)
                .toList();
    }

    /** A larger {@code _count} than the engine pages is served as its largest page, as FHIR allows. */
    private static String atMostOneHundred(String count) {
        try {
            return Integer.toString(Math.min(Integer.parseInt(count.strip()), 100));
        } catch (NumberFormatException e) {
            return count;
        }
    }

    /** The engine's query; a FHIR search parameter it cannot combine with {@code _content} is refused. */
    private TrialQuery parse(MultiValueMap<String, String> params) {
        var engine = new LinkedMultiValueMap<String, String>();
        params.forEach((name, values) -> {
            if (name.equals("_count")) {
                engine.put(
                        "size",
                        values.stream().map(EngineStudySearch::atMostOneHundred).toList());
            } else if (MAPPED.containsKey(name)) {
                engine.put(MAPPED.get(name), values);
            } else if (!FORMATTING.contains(name) && !OWN.contains(name)) {
                throw new FhirProblem(
                        HttpStatus.BAD_REQUEST,
                        "not-supported",
                        "Search parameter " + name
                                + " cannot be combined with _content; use status, recruitment-status, phase, condition, condition:text, "
                                + "age or sex",
                        name);
            }
        });
        if (!engine.containsKey("status")) {
            engine.add("status", "all");
        }
        try {
            StudySearchParameters.statuses(params);
            StudySearchParameters.recruitmentStatuses(params);
            return parser.parse(engine, Locale.forLanguageTag("da"))
                    .with(new TrialQuery.FhirCriteria(
                            values(params, "status"),
                            values(params, "condition"),
                            params.getFirst("condition:text"),
                            List.of()));
        } catch (InvalidSearch e) {
            var fhirName = MAPPED.entrySet().stream()
                    .filter(entry -> entry.getValue().equals(e.parameter()))
                    .map(Map.Entry::getKey)
                    .findFirst()
                    .orElse(e.parameter());
            throw new FhirProblem(HttpStatus.BAD_REQUEST, "value", e.getMessage(), fhirName);
        }
    }
}
