package dk.trialport.identity;

import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Refusals written before any handler runs: an OperationOutcome under {@code /fhir}, a problem
 * detail elsewhere, so every API client gets the error in its own language.
 */
final class ApiErrorBodies {

  private ApiErrorBodies() {}

  static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String code, String message) {
    var response = exchange.getResponse();
    response.setStatusCode(status);
    boolean fhir = exchange.getRequest().getPath().value().startsWith("/fhir");
    String body;
    if (fhir) {
      response.getHeaders().setContentType(MediaType.parseMediaType("application/fhir+json"));
      body = "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\"" + code
          + "\",\"diagnostics\":\"" + message + "\"}]}";
    } else {
      response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
      body = "{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase() + "\",\"status\":" + status.value()
          + ",\"detail\":\"" + message + "\"}";
    }
    var buffer = response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8));
    return response.writeWith(Mono.just(buffer));
  }
}
