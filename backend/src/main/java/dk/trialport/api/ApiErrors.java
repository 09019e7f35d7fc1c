package dk.trialport.api;

import dk.trialport.availability.Outages;
import dk.trialport.availability.ServiceUnavailable;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.resource.NoResourceFoundException;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.MissingRequestValueException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Every error of the JSON API as an RFC 9457 problem detail ({@code application/problem+json}), in one place: what a
 * {@link JsonApi} controller throws, as their advice, and what fails before a controller is chosen (no such path or
 * method, a request refused by the security filters), as the exception handler for {@code /api/**} (and the
 * actuator's JSON). A parameter at fault is named in the property {@value InvalidParameter#PROPERTY}; a server error is
 * logged with an id the client also gets, never a stack trace to the client.
 */
@RestControllerAdvice(annotations = JsonApi.class)
@Order(ApiErrors.ORDER)
class ApiErrors implements WebExceptionHandler {

    /** Before Boot's error handler (-1), which gives pages the shared error page. */
    static final int ORDER = -2;

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    private final ServerResponse.Context context;

    ApiErrors(ServerCodecConfigurer codecs) {
        var writers = codecs.getWriters();
        this.context = new ServerResponse.Context() {
            @Override
            public List<HttpMessageWriter<?>> messageWriters() {
                return writers;
            }

            @Override
            public List<ViewResolver> viewResolvers() {
                return List.of();
            }
        };
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> thrown(Exception e, ServerHttpRequest request) {
        return problem(e, request);
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable e) {
        var request = exchange.getRequest();
        if (!answers(request) || exchange.getResponse().isCommitted()) {
            return Mono.error(e);
        }
        var problem = problem(e, request);
        return ServerResponse.status(problem.getStatusCode())
                .headers(headers -> headers.addAll(problem.getHeaders()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyValue(problem.getBody())
                .flatMap(response -> response.writeTo(exchange, context));
    }

    /** Whether a request belongs to the JSON API (or the actuator's JSON), whose errors are problem details. */
    static boolean answers(ServerHttpRequest request) {
        var path = request.getPath().pathWithinApplication().value();
        return path.equals("/api") || path.startsWith("/api/") || path.startsWith("/actuator/");
    }

    static ResponseEntity<ProblemDetail> problem(Throwable thrown, ServerHttpRequest request) {
        var outage = Outages.of(thrown);
        if (outage.isPresent()) {
            return unavailable(outage.get(), request);
        }
        var e = thrown instanceof ServerExchangeRejectedException rejected ? refused(rejected, request) : thrown;
        if (!(e instanceof ErrorResponse error)) {
            var id = UUID.randomUUID().toString();
            log.error("API {} {} failed, error id {}", request.getMethod(), request.getPath(), id, e);
            var body = ProblemDetail.forStatusAndDetail(
                    HttpStatus.INTERNAL_SERVER_ERROR, "The server could not complete the request; error id " + id);
            body.setProperty("errorId", id);
            return ResponseEntity.internalServerError().body(body);
        }
        var body = error.getBody();
        if (e instanceof ServerWebInputException input && !hasParameter(body)) {
            parameterOf(input).ifPresent(name -> body.setProperty(InvalidParameter.PROPERTY, name));
        }
        if (e instanceof NoResourceFoundException) {
            body.setDetail("Nothing is at " + request.getPath().value());
        }
        if (error.getStatusCode().is5xxServerError()) {
            var id = UUID.randomUUID().toString();
            log.error("API {} {} failed, error id {}", request.getMethod(), request.getPath(), id, e);
            body.setProperty("errorId", id);
        } else {
            log.debug(
                    "API {} {} refused with {}: {}",
                    request.getMethod(),
                    request.getPath(),
                    error.getStatusCode(),
                    body.getDetail());
        }
        return ResponseEntity.status(error.getStatusCode())
                .headers(error.getHeaders())
                .body(body);
    }

    /** PostgreSQL or Elasticsearch is down: a 503 problem with {@code Retry-After}, logged as one line. */
    private static ResponseEntity<ProblemDetail> unavailable(ServiceUnavailable e, ServerHttpRequest request) {
        log.warn("API {}", e.logLine(request.getMethod(), request.getPath()));
        var body = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getReason());
        body.setProperty("retryAfterSeconds", ServiceUnavailable.RETRY_AFTER.toSeconds());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .headers(e.getHeaders())
                .body(body);
    }

    /** A request the security firewall refused while a parameter was read: which parameter, where one is at fault. */
    private static ResponseStatusException refused(
            ServerExchangeRejectedException rejected, ServerHttpRequest request) {
        return InvalidParameter.withControlCharacters(request.getURI())
                .map(ResponseStatusException.class::cast)
                .orElseGet(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, rejected.getMessage()));
    }

    private static boolean hasParameter(ProblemDetail body) {
        return body.getProperties() != null && body.getProperties().containsKey(InvalidParameter.PROPERTY);
    }

    private static Optional<String> parameterOf(ServerWebInputException e) {
        if (e instanceof MissingRequestValueException missing) {
            return Optional.of(missing.getName());
        }
        if (e.getCause() instanceof TypeMismatchException mismatch && mismatch.getPropertyName() != null) {
            return Optional.of(mismatch.getPropertyName());
        }
        var parameter = e.getMethodParameter();
        if (parameter == null) {
            return Optional.empty();
        }
        var annotation = parameter.getParameterAnnotation(RequestParam.class);
        return annotation != null && !annotation.name().isEmpty()
                ? Optional.of(annotation.name())
                : Optional.ofNullable(parameter.getParameterName());
    }
}
