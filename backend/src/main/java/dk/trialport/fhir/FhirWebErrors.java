package dk.trialport.fhir;

import org.springframework.core.annotation.Order;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Errors of {@code /fhir} requests that no FHIR handler saw (no such path: 404; a method the path does not take:
 * 405; a body it cannot read) answered as an OperationOutcome, before Spring Boot's JSON error body (order -1).
 */
@Component
@Order(-2)
class FhirWebErrors implements WebExceptionHandler {

    private final FhirErrors errors;

    FhirWebErrors(FhirErrors errors) {
        this.errors = errors;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (!isFhir(exchange.getRequest()) || exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        var answer = errors.answer(error, exchange.getRequest());
        var response = exchange.getResponse();
        response.setStatusCode(answer.getStatusCode());
        response.getHeaders().putAll(answer.getHeaders());
        var body = answer.getBody() == null
                ? new byte[0]
                : answer.getBody().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }

    static boolean isFhir(ServerHttpRequest request) {
        var path = request.getPath().value();
        return path.equals("/fhir") || path.startsWith("/fhir/");
    }
}
