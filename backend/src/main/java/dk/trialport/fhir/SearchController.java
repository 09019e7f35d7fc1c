package dk.trialport.fhir;

import ca.uhn.fhir.context.FhirContext;
import dk.trialport.catalogue.CatalogueQuery;
import dk.trialport.catalogue.CatalogueSearch;
import dk.trialport.catalogue.StoredResource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code GET /fhir/{type}?…}: search of the catalogue in PostgreSQL by {@code _id}, {@code identifier}
 * and {@code _lastUpdated}, sorted by {@code _id} or {@code _lastUpdated}, paged with opaque cursors,
 * with {@code _include}/{@code _revinclude} of sites, sponsors and contacts. A trial search with
 * {@code _content} goes to the search engine instead ({@link EngineStudySearch}).
 */
@RestController
@RequestMapping("/fhir")
class SearchController {

    static final Set<String> PARAMETERS = Set.of(
            "_id",
            "identifier",
            "_lastUpdated",
            "_count",
            "_sort",
            "_summary",
            "_elements",
            "_include",
            "_revinclude",
            "_cursor",
            "_format",
            "_pretty",
            "_total");

    private final CatalogueSearch search;
    private final EngineStudySearch engine;
    private final FhirResponses responses;
    private final FhirContext context;
    private final TrialOwnership ownership;

    SearchController(
            CatalogueSearch search,
            EngineStudySearch engine,
            FhirResponses responses,
            FhirContext context,
            TrialOwnership ownership) {
        this.ownership = ownership;
        this.search = search;
        this.engine = engine;
        this.responses = responses;
        this.context = context;
    }

    @GetMapping("/{type}")
    Mono<ResponseEntity<String>> search(@PathVariable String type, ServerHttpRequest request) {
        ResourceTypes.require(type);
        var params = SearchParameters.known(request.getQueryParams(), request, name -> isKnown(type, name), type);
        if (EngineStudySearch.applies(type, params)) {
            return engine.search(request, params);
        }
        checkIncludes(type, params);
        return ownership.draftTeams().flatMap(draftTeams -> search(type, params, draftTeams.orElse(null), request));
    }

    /**
     * {@code POST /fhir/{type}/_search}: the same search with its parameters in a form-encoded body (and the URL), as
     * FHIR's search allows for criteria too long or too private for a URL. Links point to the GET form.
     */
    @PostMapping("/{type}/_search")
    Mono<ResponseEntity<String>> searchByPost(@PathVariable String type, ServerWebExchange exchange) {
        var contentType = exchange.getRequest().getHeaders().getContentType();
        if (contentType == null || !MediaType.APPLICATION_FORM_URLENCODED.equalsTypeAndSubtype(contentType)) {
            throw new FhirProblem(
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "not-supported",
                    "POST " + type + "/_search takes the search parameters as application/x-www-form-urlencoded",
                    null);
        }
        if (type.equals(ResearchSubjectController.TYPE)) {
            throw new FhirProblem(
                    HttpStatus.METHOD_NOT_ALLOWED,
                    "not-supported",
                    "ResearchSubject is searched with GET /fhir/ResearchSubject?study=…",
                    null);
        }
        ResourceTypes.require(type);
        return exchange.getFormData().flatMap(form -> {
            var query = new StringBuilder(
                    exchange.getRequest().getURI().getRawQuery() == null
                            ? ""
                            : exchange.getRequest().getURI().getRawQuery());
            form.forEach((name, values) -> values.forEach(value -> query.append(query.isEmpty() ? "" : "&")
                    .append(encode(name))
                    .append('=')
                    .append(encode(value))));
            var uri = UriComponentsBuilder.fromUri(exchange.getRequest().getURI())
                    .replacePath("/fhir/" + type)
                    .replaceQuery(query.isEmpty() ? null : query.toString())
                    .build(true)
                    .toUri();
            return search(
                    type,
                    exchange.getRequest()
                            .mutate()
                            .method(org.springframework.http.HttpMethod.GET)
                            .uri(uri)
                            .build());
        });
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20");
    }

    private static boolean isKnown(String type, String name) {
        return PARAMETERS.contains(name)
                || REFERENCES.getOrDefault(type, java.util.Map.of()).containsKey(name)
                || type.equals("ResearchStudy")
                        && (StudySearchParameters.NAMES.contains(name) || name.equals(EngineStudySearch.CONTENT));
    }

    /** An {@code _include} or {@code _revinclude} must name a reference parameter this server knows; 400 otherwise. */
    private static void checkIncludes(String type, MultiValueMap<String, String> params) {
        for (var include : params.getOrDefault("_include", List.of())) {
            var parts = include.split(":");
            var known = REFERENCES.getOrDefault(type, java.util.Map.of());
            boolean fits = parts.length >= 2
                    && parts.length <= 3
                    && (parts[0].equals(type) || parts[0].equals("*"))
                    && (parts[1].equals("*") && parts.length == 2
                            || known.containsKey(parts[1])
                                    && (parts.length == 2 || known.get(parts[1])[1].equals(parts[2])));
            if (!fits) {
                throw new FhirProblem(
                        HttpStatus.BAD_REQUEST,
                        "not-supported",
                        "_include=" + include + " is not supported; "
                                + type + " includes "
                                + (known.isEmpty()
                                        ? "nothing"
                                        : known.keySet().stream()
                                                .sorted()
                                                .map(name -> type + ":" + name)
                                                .collect(java.util.stream.Collectors.joining(", "))),
                        "_include");
            }
        }
        for (var revinclude : params.getOrDefault("_revinclude", List.of())) {
            var parts = revinclude.split(":");
            var source = parts.length >= 2
                    ? REFERENCES.getOrDefault(parts[0], java.util.Map.of())
                    : java.util.Map.<String, String[]>of();
            boolean fits = parts.length == 2
                    && (parts[1].equals("*") && !source.isEmpty()
                            || source.containsKey(parts[1]) && source.get(parts[1])[1].equals(type));
            if (!fits) {
                throw new FhirProblem(
                        HttpStatus.BAD_REQUEST,
                        "not-supported",
                        "_revinclude=" + revinclude
                                + " is not supported: name <Type>:<reference parameter> pointing to " + type
                                + ", e.g. PractitionerRole:location",
                        "_revinclude");
            }
        }
    }

    private Mono<ResponseEntity<String>> search(
            String type, MultiValueMap<String, String> params, Set<String> draftTeams, ServerHttpRequest request) {
        var query = query(type, params, draftTeams);
        if ("count".equals(params.getFirst("_summary"))) {
            return search.count(query)
                    .map(total -> responses.resource(
                            HttpStatus.OK,
                            new Bundle()
                                    .setType(Bundle.BundleType.SEARCHSET)
                                    .setTotal(total.intValue())
                                    .addLink(new Bundle.BundleLinkComponent()
                                            .setRelation("self")
                                            .setUrl(request.getURI().toString())),
                            request));
        }
        return Mono.zip(search.page(query).collectList(), search.count(query))
                .flatMap(found -> {
                    var rows = new ArrayList<>(found.getT1());
                    boolean more = rows.size() > query.count();
                    if (more) {
                        rows.remove(rows.size() - 1);
                    }
                    if (query.backwards()) {
                        Collections.reverse(rows);
                    }
                    return includes(type, rows, params)
                            .map(included -> bundle(request, query, rows, included, found.getT2(), more));
                })
                .map(bundle -> responses.resource(HttpStatus.OK, bundle, request));
    }

    private static CatalogueQuery query(String type, MultiValueMap<String, String> params, Set<String> draftTeams) {
        // identifier=value (any system), system|value, |value (no system) or system| (any value of that system)
        var identifier = params.getFirst("identifier");
        String system = null;
        String value = identifier;
        if (identifier != null && identifier.contains("|")) {
            system = identifier.substring(0, identifier.indexOf('|'));
            value = identifier.substring(identifier.indexOf('|') + 1);
            value = value.isEmpty() ? null : value;
        }
        var id = params.getFirst("_id") == null ? null : SearchParameters.id("_id", params.getFirst("_id"));
        Instant from = null;
        Instant before = null;
        for (var bound : params.getOrDefault("_lastUpdated", List.of())) {
            var range = DateBound.parse("_lastUpdated", bound, DateBound.RANGE_PREFIXES);
            from = range.from() != null ? range.from() : from;
            before = range.before() != null ? range.before() : before;
        }
        var sort = params.getFirst("_sort");
        boolean byLastUpdated = sort != null && sort.replace("-", "").equals("_lastUpdated");
        if (sort != null && !byLastUpdated && !sort.replace("-", "").equals("_id")) {
            throw new FhirProblem(
                    HttpStatus.BAD_REQUEST,
                    "not-supported",
                    "_sort=" + sort + " is not supported; use _id or _lastUpdated, with - for descending",
                    "_sort");
        }
        var cursor = params.getFirst("_cursor") == null ? null : SearchCursor.decode(params.getFirst("_cursor"));
        return new CatalogueQuery(
                type,
                id,
                system,
                value,
                from,
                before,
                byLastUpdated,
                sort != null && sort.startsWith("-"),
                cursor == null ? null : cursor.position(),
                cursor != null && cursor.backwards(),
                SearchParameters.count(params.getFirst("_count")),
                type.equals("ResearchStudy") ? StudySearchParameters.criteria(params) : null,
                references(type, params),
                draftTeams);
    }

    /** Reference search parameters of each type: parameter name → element, and the type it points to. */
    static final java.util.Map<String, java.util.Map<String, String[]>> REFERENCES = java.util.Map.of(
            "ResearchStudy",
                    java.util.Map.of("site", new String[] {"site", "Location"}, "sponsor", new String[] {
                        "sponsor", "Organization"
                    }),
            "Location", java.util.Map.of("organization", new String[] {"managingOrganization", "Organization"}),
            "PractitionerRole",
                    java.util.Map.of("location", new String[] {"location", "Location"}, "organization", new String[] {
                        "organization", "Organization"
                    }),
            "Organization", java.util.Map.of("partof", new String[] {"partOf", "Organization"}));

    private static List<dk.trialport.catalogue.ResourceContent.Link> references(
            String type, MultiValueMap<String, String> params) {
        var links = new ArrayList<dk.trialport.catalogue.ResourceContent.Link>();
        REFERENCES.getOrDefault(type, java.util.Map.of()).forEach((name, target) -> {
            var value = params.getFirst(name);
            if (value != null) {
                var slash = value.indexOf('/');
                if (slash >= 0 && !value.substring(0, slash).equals(target[1])) {
                    throw new FhirProblem(
                            HttpStatus.BAD_REQUEST,
                            "value",
                            name + "=" + value + ": " + name + " points to a " + target[1] + " (" + target[1]
                                    + "/{id} or {id})",
                            name);
                }
                var id = SearchParameters.id(name, value.substring(slash + 1));
                links.add(new dk.trialport.catalogue.ResourceContent.Link(type + "." + target[0], target[1], id));
            }
        });
        return links;
    }

    private Mono<List<StoredResource>> includes(
            String type, List<StoredResource> rows, MultiValueMap<String, String> params) {
        var ids = rows.stream().map(StoredResource::id).toList();
        if (ids.isEmpty()) {
            return Mono.just(List.of());
        }
        var found = new ArrayList<Flux<StoredResource>>();
        for (var include : params.getOrDefault("_include", List.of())) {
            var parts = include.split(":");
            found.add(search.referencedBy(
                    ids,
                    type,
                    parts[1].equals("*")
                            ? null
                            : type + "." + REFERENCES.get(type).get(parts[1])[0]));
        }
        for (var revinclude : params.getOrDefault("_revinclude", List.of())) {
            var parts = revinclude.split(":");
            found.add(search.referencing(
                    ids,
                    type,
                    parts[0],
                    parts[1].equals("*")
                            ? null
                            : parts[0] + "." + REFERENCES.get(parts[0]).get(parts[1])[0]));
        }
        // A draft trial is included only for its team, as it is found only by its team.
        return ownership
                .rules()
                .flatMap(rules -> Flux.concat(found)
                        .distinct(s -> s.type() + "/" + s.id())
                        .filterWhen(included -> rules.maySee(included.type(), included.id()))
                        .collectList());
    }

    private Bundle bundle(
            ServerHttpRequest request,
            CatalogueQuery query,
            List<StoredResource> rows,
            List<StoredResource> included,
            long total,
            boolean more) {
        var bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET).setTotal((int) total);
        var base = FhirBase.url(request);
        bundle.addLink().setRelation("self").setUrl(request.getURI().toString());
        boolean hasNext = query.backwards() ? query.after() != null : more;
        boolean hasPrevious = query.backwards() ? more : query.after() != null;
        if (hasNext && !rows.isEmpty()) {
            bundle.addLink().setRelation("next").setUrl(pageUrl(request, rows.get(rows.size() - 1), false));
        }
        if (hasPrevious && !rows.isEmpty()) {
            bundle.addLink().setRelation("previous").setUrl(pageUrl(request, rows.get(0), true));
        }
        var parser = context.newJsonParser();
        for (var row : rows) {
            bundle.addEntry()
                    .setFullUrl(base + "/" + row.type() + "/" + row.id())
                    .setResource((Resource) parser.parseResource(row.body()))
                    .getSearch()
                    .setMode(Bundle.SearchEntryMode.MATCH);
        }
        for (var row : included) {
            bundle.addEntry()
                    .setFullUrl(base + "/" + row.type() + "/" + row.id())
                    .setResource((Resource) parser.parseResource(row.body()))
                    .getSearch()
                    .setMode(Bundle.SearchEntryMode.INCLUDE);
        }
        return bundle;
    }

    private static String pageUrl(ServerHttpRequest request, StoredResource edge, boolean backwards) {
        var cursor = new SearchCursor(new CatalogueQuery.Position(edge.lastUpdated(), edge.id()), backwards);
        return UriComponentsBuilder.fromUri(request.getURI())
                .replaceQueryParam("_cursor", cursor.encode())
                .build()
                .toUriString();
    }
}
