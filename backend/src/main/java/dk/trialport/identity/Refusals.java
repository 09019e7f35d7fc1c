package dk.trialport.identity;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refusals made before any handler runs (no token, a token without the right, a request the firewall refused), each
 * in its audience's language: an OperationOutcome under {@code /fhir}; elsewhere the refusal goes on as an error to
 * that surface's own error handling (a problem detail for the JSON API, the shared error page for pages).
 */
final class Refusals {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json;charset=UTF-8");

    private Refusals() {}

    /** Answers {@code refusal}; {@code fhirCode} is the OperationOutcome issue code should the request be FHIR's. */
    static Mono<Void> refuse(ServerWebExchange exchange, ErrorResponseException refusal, String fhirCode) {
        var path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (!path.equals("/fhir") && !path.startsWith("/fhir/")) {
            return Mono.error(refusal);
        }
        var response = exchange.getResponse();
        response.setStatusCode(refusal.getStatusCode());
        response.getHeaders().addAll(refusal.getHeaders());
        response.getHeaders().setContentType(FHIR_JSON);
        var outcome = Map.of(
                "resourceType",
                "OperationOutcome",
                "issue",
                List.of(Map.of(
                        "severity",
                        "error",
                        "code",
                        fhirCode,
                        "diagnostics",
                        String.valueOf(refusal.getBody().getDetail()))));
        var buffer =
                response.bufferFactory().wrap(JSON.writeValueAsString(outcome).getBytes(StandardCharsets.UTF_8));
        return response.writeWith(Mono.just(buffer));
    }
}
