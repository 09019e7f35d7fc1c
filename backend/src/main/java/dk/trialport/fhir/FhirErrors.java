package dk.trialport.fhir;

import ca.uhn.fhir.parser.DataFormatException;
import dk.trialport.availability.Dependency;
import dk.trialport.availability.Outages;
import dk.trialport.availability.ServiceUnavailable;
import dk.trialport.catalogue.CatalogueException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;

/**
 * Every error of the FHIR API as an OperationOutcome with the right status. A server error is logged
 * with an id the client also gets, never a stack trace to the client.
 */
@RestControllerAdvice(basePackageClasses = FhirErrors.class)
class FhirErrors {

    private static final Logger log = LoggerFactory.getLogger(FhirErrors.class);

    private final FhirResponses responses;

    FhirErrors(FhirResponses responses) {
        this.responses = responses;
    }

    @ExceptionHandler(FhirProblem.class)
    ResponseEntity<String> problem(FhirProblem problem, ServerHttpRequest request) {
        log.info(
                "FHIR {} {} refused with {}: {}",
                request.getMethod(),
                request.getPath(),
                problem.status().value(),
                problem.getMessage());
        return responses.outcome(problem, request);
    }

    @ExceptionHandler(CatalogueException.class)
    ResponseEntity<String> catalogue(CatalogueException e, ServerHttpRequest request) {
        var status = statusOf(e);
        var code = switch (status) {
            case NOT_FOUND -> "not-found";
            case GONE -> "deleted";
            default -> "conflict";
        };
        return problem(new FhirProblem(status, code, e.getMessage(), null), request);
    }

    static HttpStatus statusOf(CatalogueException e) {
        return switch (e) {
            case CatalogueException.NotFound notFound -> HttpStatus.NOT_FOUND;
            case CatalogueException.Gone gone -> HttpStatus.GONE;
            case CatalogueException.VersionConflict conflict -> HttpStatus.PRECONDITION_FAILED;
            default -> HttpStatus.BAD_REQUEST;
        };
    }

    @ExceptionHandler(DataFormatException.class)
    ResponseEntity<String> unreadable(DataFormatException e, ServerHttpRequest request) {
        return problem(new FhirProblem(HttpStatus.BAD_REQUEST, "structure", e.getMessage(), null), request);
    }

    @ExceptionHandler(DataBufferLimitException.class)
    ResponseEntity<String> tooLarge(DataBufferLimitException e, ServerHttpRequest request) {
        return problem(
                new FhirProblem(
                        HttpStatus.CONTENT_TOO_LARGE, "too-costly", "The body is too large: " + e.getMessage(), null),
                request);
    }

    @ExceptionHandler(ServerWebInputException.class)
    ResponseEntity<String> badInput(ServerWebInputException e, ServerHttpRequest request) {
        if (e.getCause() instanceof DataBufferLimitException limit) {
            return tooLarge(limit, request);
        }
        return problem(new FhirProblem(HttpStatus.BAD_REQUEST, "invalid", e.getReason(), null), request);
    }

    /**
     * PostgreSQL or Elasticsearch is down: a 503 OperationOutcome with {@code Retry-After} (issue type
     * {@code no-store} when the database is gone, {@code transient} otherwise), logged as one line.
     */
    @ExceptionHandler(ServiceUnavailable.class)
    ResponseEntity<String> unavailable(ServiceUnavailable e, ServerHttpRequest request) {
        log.warn("FHIR {}", e.logLine(request.getMethod(), request.getPath()));
        var code = e.dependency() == Dependency.POSTGRESQL ? "no-store" : "transient";
        var answer =
                responses.outcome(new FhirProblem(HttpStatus.SERVICE_UNAVAILABLE, code, e.getReason(), null), request);
        return ResponseEntity.status(answer.getStatusCode())
                .headers(answer.getHeaders())
                .headers(e.getHeaders())
                .body(answer.getBody());
    }

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<String> status(ResponseStatusException e, ServerHttpRequest request) {
        var status = HttpStatus.valueOf(e.getStatusCode().value());
        var code = switch (status) {
            case NOT_FOUND, METHOD_NOT_ALLOWED, UNSUPPORTED_MEDIA_TYPE, NOT_ACCEPTABLE -> "not-supported";
            default -> status.is4xxClientError() ? "invalid" : "exception";
        };
        var message = switch (status) {
            case NOT_FOUND ->
                request.getPath().value() + " is not a FHIR interaction this server knows; see /fhir/metadata";
            case METHOD_NOT_ALLOWED ->
                request.getMethod() + " is not allowed on " + request.getPath().value()
                        + (e.getHeaders().getAllow().isEmpty()
                                ? ""
                                : "; allowed: " + e.getHeaders().getAllow());
            default -> e.getReason() == null ? status.getReasonPhrase() : e.getReason();
        };
        var answer = problem(new FhirProblem(status, code, message, null), request);
        return ResponseEntity.status(answer.getStatusCode())
                .headers(e.getHeaders())
                .headers(answer.getHeaders())
                .body(answer.getBody());
    }

    /** The answer to any error of a FHIR request, also those raised before a handler was found (WebFlux's own). */
    ResponseEntity<String> answer(Throwable error, ServerHttpRequest request) {
        return switch (error) {
            case FhirProblem problem -> problem(problem, request);
            case CatalogueException e -> catalogue(e, request);
            case DataFormatException e -> unreadable(e, request);
            case DataBufferLimitException e -> tooLarge(e, request);
            case ServerWebInputException e -> badInput(e, request);
            case ServiceUnavailable e -> unavailable(e, request);
            case ResponseStatusException e -> status(e, request);
            case Exception e -> unexpected(e, request);
            default -> unexpected(new IllegalStateException(error), request);
        };
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<String> unexpected(Exception e, ServerHttpRequest request) {
        var outage = Outages.of(e);
        if (outage.isPresent()) {
            return unavailable(outage.get(), request);
        }
        var id = UUID.randomUUID().toString();
        log.error("FHIR {} {} failed, error id {}", request.getMethod(), request.getPath(), id, e);
        return responses.outcome(
                new FhirProblem(
                        HttpStatus.INTERNAL_SERVER_ERROR,
                        "exception",
                        "The server could not complete the request; error id " + id,
                        null),
                request);
    }
}
