package dk.trialport.fhir;

import java.time.Duration;
import org.hl7.fhir.r4.model.Bundle;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@code POST /fhir}: transaction and batch Bundles. */
@RestController
class BundleController {

    /** The most entries one Bundle may have: each is validated and written, all in one database transaction. */
    static final int MAX_ENTRIES = 1000;
    /**
     * The longest a Bundle is worked on before it is stopped (and a transaction rolled back): above what a trial with
     * 300 sites (some 950 entries) takes on a busy two-core machine, so only runaway work hits it.
     */
    static final Duration TIME_LIMIT = Duration.ofSeconds(120);

    private final ResourceIntake intake;
    private final BundleProcessor processor;
    private final FhirResponses responses;
    private final FhirAccess access;
    private final TrialOwnership ownership;

    BundleController(
            ResourceIntake intake,
            BundleProcessor processor,
            FhirResponses responses,
            FhirAccess access,
            TrialOwnership ownership) {
        this.access = access;
        this.ownership = ownership;
        this.intake = intake;
        this.processor = processor;
        this.responses = responses;
    }

    @PostMapping("/fhir")
    Mono<ResponseEntity<String>> process(@RequestBody(required = false) byte[] body, ServerHttpRequest request) {
        return ResourceController.offEventLoop(() -> checked(body, request))
                .zipWith(ownership.rules())
                .flatMap(work -> allowed(work.getT1(), work.getT2()).thenReturn(work))
                .flatMap(work -> work.getT1().getType() == Bundle.BundleType.TRANSACTION
                        ? processor.transaction(work.getT1(), FhirBase.url(request), work.getT2())
                        : processor.batch(work.getT1(), FhirBase.url(request), work.getT2()))
                .timeout(
                        TIME_LIMIT,
                        Mono.error(() -> new FhirProblem(
                                HttpStatus.CONTENT_TOO_LARGE,
                                "too-costly",
                                "The Bundle took longer than " + TIME_LIMIT.toSeconds()
                                        + " s to process and was stopped (a transaction "
                                        + "is rolled back); send fewer entries at a time",
                                null)))
                .map(response -> responses.resource(HttpStatus.OK, response, request));
    }

    /**
     * The Bundle, checked cheaply before the costly validation of its content: a transaction or batch of at most
     * {@link #MAX_ENTRIES} entries whose requests, fullUrls and references fit together.
     */
    private Bundle checked(byte[] body, ServerHttpRequest request) {
        var bundle = (Bundle) intake.read(body, request, "Bundle");
        var type = bundle.getType();
        if (type != Bundle.BundleType.TRANSACTION && type != Bundle.BundleType.BATCH) {
            throw new FhirProblem(
                    HttpStatus.BAD_REQUEST,
                    type == null ? "required" : "invalid",
                    "POST /fhir takes a Bundle of type transaction or batch, not "
                            + (type == null ? "one without a type" : type.toCode()),
                    "Bundle.type");
        }
        if (bundle.getEntry().size() > MAX_ENTRIES) {
            throw new FhirProblem(
                    HttpStatus.CONTENT_TOO_LARGE,
                    "too-costly",
                    "The Bundle has " + bundle.getEntry().size() + " entries; at most " + MAX_ENTRIES
                            + " are processed in one request",
                    "Bundle.entry");
        }
        if (type == Bundle.BundleType.TRANSACTION) {
            processor.check(bundle);
        }
        intake.checkStructure(bundle, true);
        intake.validateBundle(bundle);
        return bundle;
    }

    /**
     * Every entry's interaction must be allowed by the token's scopes, and a trial's by its team, before
     * anything is written; what only the write itself reveals (a conditional match) is checked in its transaction.
     */
    private Mono<Void> allowed(Bundle bundle, TrialOwnership.Rules rules) {
        return Flux.fromIterable(bundle.getEntry())
                .concatMap(entry -> {
                    var request = entry.getRequest();
                    var type = entry.hasResource()
                            ? entry.getResource().fhirType()
                            : request.getUrl() == null ? "" : request.getUrl().split("[/?]")[0];
                    var conditional =
                            request.getUrl() != null && request.getUrl().contains("?");
                    var parts = request.getUrl() == null
                            ? new String[0]
                            : request.getUrl().replaceFirst("^/", "").split("/");
                    var change =
                            conditional || parts.length < 2 ? rules.mayWrite(type) : rules.mayChange(type, parts[1]);
                    return switch (request.getMethod() == null ? Bundle.HTTPVerb.NULL : request.getMethod()) {
                        case POST -> access.require(type, FhirAccess.CREATE).then(rules.mayWrite(type));
                        case PUT ->
                            (conditional ? access.require(type, FhirAccess.CREATE) : Mono.<Void>empty())
                                    .then(access.require(type, FhirAccess.UPDATE))
                                    .then(change);
                        case DELETE -> access.require(type, FhirAccess.DELETE).then(change);
                        default -> Mono.<Void>empty();
                    };
                })
                .then();
    }
}
