package dk.trialport.fhir;

import dk.trialport.catalogue.PublicResources;
import dk.trialport.opendata.BulkExports;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * FHIR Bulk Data export (Bulk Data Access IG v2) of the public catalogue, for anyone without a token:
 * {@code GET /fhir/$export} and {@code GET /fhir/ResearchStudy/$export} with {@code Prefer: respond-async} start a job
 * ({@code _type} among ResearchStudy, Location, Organization; {@code _since}; {@code _outputFormat} NDJSON) and answer
 * 202 with its status URL in {@code Content-Location}; polling it answers 202 with {@code X-Progress} until the
 * manifest (200); {@code DELETE} cancels; the files are NDJSON ({@code application/fhir+ndjson}). Too many running
 * exports are a 429 with {@code Retry-After}. The jobs themselves are {@link BulkExports}.
 */
@RestController
class BulkExportController {

    static final MediaType NDJSON = MediaType.parseMediaType("application/fhir+ndjson");
    private static final Set<String> OUTPUT_FORMATS = Set.of("application/fhir+ndjson", "application/ndjson", "ndjson");
    private static final Set<String> PARAMETERS = Set.of("_type", "_since", "_outputFormat");
    private static final String STATUS = "/fhir/$export-status/";
    private static final String FILES = "/fhir/$export-file/";

    private final BulkExports exports;
    private final FhirResponses responses;
    private final JsonMapper json;

    BulkExportController(BulkExports exports, FhirResponses responses, JsonMapper json) {
        this.exports = exports;
        this.responses = responses;
        this.json = json;
    }

    @GetMapping("/fhir/$export")
    Mono<ResponseEntity<String>> system(ServerHttpRequest request) {
        return kickOff(request);
    }

    @GetMapping("/fhir/{type}/$export")
    Mono<ResponseEntity<String>> type(@PathVariable String type, ServerHttpRequest request) {
        if (!type.equals("ResearchStudy")) {
            throw new FhirProblem(
                    HttpStatus.BAD_REQUEST,
                    "not-supported",
                    "$export is offered at system level (/fhir/$export) and for ResearchStudy (/fhir/ResearchStudy/$export), "
                            + "not for " + type,
                    null);
        }
        return kickOff(request);
    }

    @GetMapping(STATUS + "{id}")
    Mono<ResponseEntity<String>> status(@PathVariable String id, ServerHttpRequest request) {
        return exports.find(jobId(id))
                .switchIfEmpty(Mono.error(() -> noSuchJob(id)))
                .map(job -> switch (job.status()) {
                    case "running" ->
                        ResponseEntity.status(HttpStatus.ACCEPTED)
                                .header("X-Progress", job.progress())
                                .header(HttpHeaders.RETRY_AFTER, "2")
                                .<String>build();
                    case "done" ->
                        ResponseEntity.ok()
                                .contentType(MediaType.APPLICATION_JSON)
                                .header(HttpHeaders.EXPIRES, httpDate(job.expiresAt()))
                                .body(manifest(job, request));
                    default ->
                        responses.outcome(
                                new FhirProblem(
                                        HttpStatus.INTERNAL_SERVER_ERROR,
                                        "exception",
                                        "The export failed; start a new one",
                                        null),
                                request);
                });
    }

    @DeleteMapping(STATUS + "{id}")
    Mono<ResponseEntity<String>> cancel(@PathVariable String id) {
        return exports.cancel(jobId(id)).map(removed -> {
            if (!removed) {
                throw noSuchJob(id);
            }
            return ResponseEntity.status(HttpStatus.ACCEPTED).<String>build();
        });
    }

    @GetMapping(FILES + "{id}/{file}")
    Mono<ResponseEntity<Resource>> file(@PathVariable String id, @PathVariable String file) {
        return exports.file(jobId(id), file)
                .switchIfEmpty(Mono.error(() -> new FhirProblem(
                        HttpStatus.NOT_FOUND,
                        "not-found",
                        "No file " + file + " in export " + id + " (unknown, cancelled or expired)",
                        null)))
                .map(path -> ResponseEntity.ok().contentType(NDJSON).body(new FileSystemResource(path)));
    }

    private Mono<ResponseEntity<String>> kickOff(ServerHttpRequest request) {
        var params = request.getQueryParams();
        for (var name : params.keySet()) {
            if (!PARAMETERS.contains(name)) {
                throw new FhirProblem(
                        HttpStatus.BAD_REQUEST,
                        "not-supported",
                        "Parameter " + name + " is not supported by $export; it takes _type, _since and _outputFormat",
                        name);
            }
        }
        var prefer = request.getHeaders().getFirst("Prefer");
        if (prefer == null || !prefer.contains("respond-async")) {
            throw new FhirProblem(
                    HttpStatus.BAD_REQUEST,
                    "required",
                    "A bulk export runs asynchronously: send the header Prefer: respond-async",
                    null);
        }
        var format = params.getFirst("_outputFormat");
        if (format != null && !OUTPUT_FORMATS.contains(format.replace(' ', '+'))) {
            throw new FhirProblem(
                    HttpStatus.BAD_REQUEST,
                    "not-supported",
                    "_outputFormat " + format + " is not supported; the files are application/fhir+ndjson",
                    "_outputFormat");
        }
        var types = types(params.getOrDefault("_type", List.of()));
        var since = since(params.getFirst("_since"));
        var address = request.getRemoteAddress() == null
                ? "unknown"
                : request.getRemoteAddress().getAddress().getHostAddress();
        return exports.start(address, request.getURI().toString(), types, since)
                .map(job -> ResponseEntity.status(HttpStatus.ACCEPTED)
                        .header(HttpHeaders.CONTENT_LOCATION, absolute(request, STATUS + job.id()))
                        .<String>build())
                .onErrorResume(BulkExports.TooMany.class, tooMany -> {
                    var refusal = responses.outcome(
                            new FhirProblem(HttpStatus.TOO_MANY_REQUESTS, "throttled", tooMany.getMessage(), null),
                            request);
                    return Mono.just(ResponseEntity.status(refusal.getStatusCode())
                            .headers(refusal.getHeaders())
                            .header(
                                    HttpHeaders.RETRY_AFTER,
                                    Long.toString(tooMany.retryAfter().toSeconds()))
                            .body(refusal.getBody()));
                });
    }

    private static List<String> types(List<String> values) {
        var types = new ArrayList<String>();
        for (var value : values) {
            for (var type : value.split(",")) {
                var trimmed = type.trim();
                if (!PublicResources.TYPES.contains(trimmed)) {
                    throw new FhirProblem(
                            HttpStatus.BAD_REQUEST,
                            "not-supported",
                            "_type " + trimmed + " cannot be exported; the open catalogue has "
                                    + String.join(", ", PublicResources.TYPES),
                            "_type");
                }
                if (!types.contains(trimmed)) {
                    types.add(trimmed);
                }
            }
        }
        return types.isEmpty() ? PublicResources.TYPES : List.copyOf(types);
    }

    private static Instant since(String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.trim().replace(' ', '+')).toInstant();
        } catch (DateTimeException e) {
            throw new FhirProblem(
                    HttpStatus.BAD_REQUEST,
                    "invalid",
                    "_since must be a FHIR instant with a time zone, e.g. 2026-01-01T00:00:00Z; got " + value,
                    "_since");
        }
    }

    private String manifest(BulkExports.Job job, ServerHttpRequest request) {
        var manifest = new LinkedHashMap<String, Object>();
        manifest.put("transactionTime", job.transactionTime().toString());
        manifest.put("request", job.request());
        manifest.put("requiresAccessToken", false);
        manifest.put(
                "output",
                job.output().stream()
                        .map(output -> Map.of(
                                "type",
                                output.type(),
                                "url",
                                absolute(request, FILES + job.id() + "/" + output.file()),
                                "count",
                                output.count()))
                        .toList());
        manifest.put("error", List.of());
        return json.writeValueAsString(manifest);
    }

    private static String absolute(ServerHttpRequest request, String path) {
        return UriComponentsBuilder.fromUri(request.getURI())
                .replacePath(path)
                .replaceQuery(null)
                .build()
                .toUriString();
    }

    private static String httpDate(Instant instant) {
        return java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atZone(java.time.ZoneOffset.UTC));
    }

    private static UUID jobId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw noSuchJob(id);
        }
    }

    private static FhirProblem noSuchJob(String id) {
        return new FhirProblem(
                HttpStatus.NOT_FOUND, "not-found", "No export " + id + " (unknown, cancelled or expired)", null);
    }
}
