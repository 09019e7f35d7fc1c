package dk.trialport.fhir;

import ca.uhn.fhir.context.FhirContext;
import dk.trialport.catalogue.CatalogueException;
import dk.trialport.catalogue.CatalogueStore;
import dk.trialport.catalogue.StoredResource;
import java.time.Instant;
import java.util.List;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** FHIR REST interactions on one resource type: read, vread, history, create, update, delete, $validate. */
@RestController
@RequestMapping("/fhir")
class ResourceController {

    private final CatalogueStore store;
    private final ResourceWriter writer;
    private final ResourceIntake intake;
    private final FhirResponses responses;
    private final FhirContext context;
    private final FhirAccess access;
    private final TrialOwnership ownership;
    private final TransactionalOperator transaction;

    ResourceController(
            CatalogueStore store,
            ResourceWriter writer,
            ResourceIntake intake,
            FhirResponses responses,
            FhirContext context,
            FhirAccess access,
            TrialOwnership ownership,
            TransactionalOperator transaction) {
        this.access = access;
        this.ownership = ownership;
        this.transaction = transaction;
        this.store = store;
        this.writer = writer;
        this.intake = intake;
        this.responses = responses;
        this.context = context;
    }

    @GetMapping("/{type}/{id}")
    Mono<ResponseEntity<String>> read(@PathVariable String type, @PathVariable String id, ServerHttpRequest request) {
        ResourceTypes.require(type);
        ResourceTypes.requireId(type, id);
        return ownership
                .rules()
                .flatMap(rules -> rules.mayRead(type, id))
                .then(store.read(type, id))
                .switchIfEmpty(Mono.error(new CatalogueException.NotFound(type, id)))
                .map(stored -> {
                    if (stored.deleted()) {
                        throw new CatalogueException.Gone(type, id);
                    }
                    return found(stored, request);
                });
    }

    @GetMapping("/{type}/{id}/_history/{version}")
    Mono<ResponseEntity<String>> vread(
            @PathVariable String type,
            @PathVariable String id,
            @PathVariable String version,
            ServerHttpRequest request) {
        ResourceTypes.require(type);
        ResourceTypes.requireId(type, id);
        return ownership
                .rules()
                .flatMap(rules -> rules.mayRead(type, id))
                .then(Mono.fromSupplier(() -> parseVersion(version)))
                .flatMap(number -> store.readVersion(type, id, number))
                .switchIfEmpty(Mono.error(new CatalogueException.NotFound(type, id + "/_history/" + version)))
                .map(stored -> {
                    if (stored.deleted()) {
                        throw new CatalogueException.Gone(type, id);
                    }
                    return found(stored, request);
                });
    }

    @GetMapping("/{type}/{id}/_history")
    Mono<ResponseEntity<String>> history(
            @PathVariable String type, @PathVariable String id, ServerHttpRequest request) {
        ResourceTypes.require(type);
        ResourceTypes.requireId(type, id);
        return ownership
                .rules()
                .flatMap(rules -> rules.mayRead(type, id))
                .then(store.history(type, id).collectList())
                .map(versions -> {
                    if (versions.isEmpty()) {
                        throw new CatalogueException.NotFound(type, id);
                    }
                    return responses.resource(HttpStatus.OK, writer.historyBundle(versions), request);
                });
    }

    @GetMapping("/{type}/_history")
    Mono<ResponseEntity<String>> typeHistory(@PathVariable String type, ServerHttpRequest request) {
        ResourceTypes.require(type);
        var since = request.getQueryParams().getFirst("_since");
        var count = SearchParameters.count(request.getQueryParams().getFirst("_count"));
        Instant from = since == null ? null : since(since);
        return ownership
                .rules()
                .flatMap(rules -> store.typeHistory(type, from, count)
                        .filterWhen(version -> rules.maySee(type, version.id()))
                        .collectList())
                .map(versions -> responses.resource(HttpStatus.OK, writer.historyBundle(versions), request));
    }

    @PostMapping("/{type}")
    Mono<ResponseEntity<String>> create(
            @PathVariable String type,
            @RequestBody(required = false) byte[] body,
            @RequestHeader(name = "If-None-Exist", required = false) String ifNoneExist,
            ServerHttpRequest request) {
        ResourceTypes.require(type);
        return access.require(type, FhirAccess.CREATE)
                .then(ownership.rules())
                .flatMap(rules -> rules.mayWrite(type)
                        .then(offEventLoop(() -> intake.parse(body, request, type)))
                        // A conditional create that found its match wrote nothing: nothing to check.
                        .flatMap(resource -> checked(
                                writer.create(resource, ifNoneExist),
                                (t, id, created) -> created ? rules.written(t, id, true) : Mono.empty())))
                .map(outcome -> written(outcome, request));
    }

    @PutMapping("/{type}/{id}")
    Mono<ResponseEntity<String>> update(
            @PathVariable String type,
            @PathVariable String id,
            @RequestBody(required = false) byte[] body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            ServerHttpRequest request) {
        ResourceTypes.require(type);
        ResourceTypes.requireId(type, id);
        var expectedVersion = ETags.version(ifMatch);
        return access.require(type, FhirAccess.UPDATE)
                .then(ownership.rules())
                .flatMap(rules -> rules.mayChange(type, id)
                        .then(offEventLoop(() -> intake.parse(body, request, type)))
                        .flatMap(resource -> {
                            if (!resource.hasIdElement()
                                    || !id.equals(resource.getIdElement().getIdPart())) {
                                throw new FhirProblem(
                                        HttpStatus.BAD_REQUEST,
                                        "invalid",
                                        "The resource's id must be " + id + " as in the URL",
                                        type + ".id");
                            }
                            return checked(writer.update(resource, id, expectedVersion), rules);
                        }))
                .map(outcome -> written(outcome, request));
    }

    @PutMapping("/{type}")
    Mono<ResponseEntity<String>> conditionalUpdate(
            @PathVariable String type, @RequestBody(required = false) byte[] body, ServerHttpRequest request) {
        ResourceTypes.require(type);
        var criteria = request.getURI().getRawQuery();
        if (criteria == null || criteria.isBlank()) {
            throw new FhirProblem(
                    HttpStatus.BAD_REQUEST,
                    "required",
                    "A conditional update needs search criteria, e.g. ?identifier=system|value",
                    null);
        }
        return access.require(type, FhirAccess.CREATE)
                .then(access.require(type, FhirAccess.UPDATE))
                .then(ownership.rules())
                .flatMap(rules -> rules.mayWrite(type)
                        .then(offEventLoop(() -> intake.parse(body, request, type)))
                        .flatMap(resource -> checked(writer.conditionalUpdate(resource, criteria), rules)))
                .map(outcome -> written(outcome, request));
    }

    @DeleteMapping("/{type}/{id}")
    Mono<ResponseEntity<String>> delete(
            @PathVariable String type,
            @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            ServerHttpRequest request) {
        ResourceTypes.require(type);
        ResourceTypes.requireId(type, id);
        return access.require(type, FhirAccess.DELETE)
                .then(ownership.rules())
                .flatMap(rules -> rules.mayChange(type, id)
                        .then(store.delete(type, id, ETags.version(ifMatch))
                                .flatMap(deleted ->
                                        rules.written(type, id, false).thenReturn(deleted))
                                .as(transaction::transactional)))
                .map(deleted -> ResponseEntity.noContent()
                        .eTag(ETags.of(deleted.version()))
                        .build());
    }

    @PostMapping("/{type}/$validate")
    Mono<ResponseEntity<String>> validate(
            @PathVariable String type, @RequestBody(required = false) byte[] body, ServerHttpRequest request) {
        ResourceTypes.require(type);
        return offEventLoop(() -> intake.findIssues(resourceToValidate(intake.parse(body, request, null), type)))
                .map(issues -> validationOutcome(issues, request));
    }

    private ResponseEntity<String> validationOutcome(List<FhirProblem.Issue> issues, ServerHttpRequest request) {
        var all = issues.isEmpty()
                ? List.of(new FhirProblem.Issue("information", "informational", "Validation passed", null))
                : issues;
        // The operation itself succeeded: 200 whether or not the resource is valid (4xx only when it cannot run).
        return responses.outcome(new FhirProblem(HttpStatus.OK, all), request);
    }

    /** The write and the caller's check of what it wrote, in one database transaction. */
    private Mono<ResourceWriter.Outcome> checked(Mono<ResourceWriter.Outcome> write, AccessCheck check) {
        return write.flatMap(outcome -> check.written(
                                outcome.stored().type(), outcome.stored().id(), outcome.created())
                        .thenReturn(outcome))
                .as(transaction::transactional);
    }

    /** Parsing and validating are CPU work that must not hold up Netty's event loop. */
    static <T> Mono<T> offEventLoop(java.util.concurrent.Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic());
    }

    /** {@code $validate} takes the resource itself, or a Parameters resource with it in {@code resource}. */
    private static Resource resourceToValidate(Resource body, String type) {
        var resource = body instanceof org.hl7.fhir.r4.model.Parameters parameters
                        && parameters.getParameter("resource") != null
                ? parameters.getParameter("resource").getResource()
                : body;
        if (resource == null || !resource.fhirType().equals(type)) {
            throw new FhirProblem(
                    HttpStatus.BAD_REQUEST,
                    "invalid",
                    "$validate on " + type + " needs a " + type + ", directly or as the 'resource' parameter",
                    null);
        }
        return resource;
    }

    private ResponseEntity<String> found(StoredResource stored, ServerHttpRequest request) {
        if (FhirResponses.asStored(request)) {
            return ResponseEntity.ok()
                    .headers(ETags.headers(stored))
                    .contentType(FhirFormat.JSON.mediaType())
                    .body(stored.body());
        }
        var resource = (Resource) context.newJsonParser().parseResource(stored.body());
        return responses.resource(HttpStatus.OK, resource, request, ETags.headers(stored));
    }

    private ResponseEntity<String> written(ResourceWriter.Outcome outcome, ServerHttpRequest request) {
        var stored = outcome.stored();
        var headers = ETags.headers(stored);
        headers.setLocation(java.net.URI.create(
                FhirBase.url(request) + "/" + stored.type() + "/" + stored.id() + "/_history/" + stored.version()));
        var status = outcome.created() ? HttpStatus.CREATED : HttpStatus.OK;
        return switch (Prefer.returnOf(request)) {
            case MINIMAL -> ResponseEntity.status(status).headers(headers).build();
            case OPERATION_OUTCOME -> {
                var ok = responses.outcome(
                        new FhirProblem(
                                status,
                                List.of(new FhirProblem.Issue(
                                        "information",
                                        "informational",
                                        (outcome.created() ? "Created " : "Stored ") + stored.type() + "/" + stored.id()
                                                + " version " + stored.version(),
                                        null))),
                        request);
                yield ResponseEntity.status(status)
                        .headers(headers)
                        .contentType(ok.getHeaders().getContentType())
                        .body(ok.getBody());
            }
            case REPRESENTATION ->
                responses.resource(
                        status, (Resource) context.newJsonParser().parseResource(stored.body()), request, headers);
        };
    }

    private static Instant since(String value) {
        try {
            var instant = new InstantType(value);
            if (instant.getValue() != null) {
                return instant.getValue().toInstant();
            }
        } catch (RuntimeException e) {
            // refused below
        }
        throw new FhirProblem(
                HttpStatus.BAD_REQUEST,
                "value",
                "_since=" + value + ": " + value + " is not a FHIR instant (e.g. 2026-01-01T00:00:00Z)",
                "_since");
    }

    private static int parseVersion(String version) {
        try {
            return Integer.parseInt(version);
        } catch (NumberFormatException e) {
            throw new FhirProblem(HttpStatus.BAD_REQUEST, "value", "Version " + version + " is not a number", null);
        }
    }
}
