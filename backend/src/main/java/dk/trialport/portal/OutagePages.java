package dk.trialport.portal;

import dk.trialport.availability.Outages;
import dk.trialport.availability.ServiceUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * A page that failed because PostgreSQL or Elasticsearch is down is the error page with status 503 and
 * {@code Retry-After} ("the service is unavailable right now"), logged as one line without a stack trace, never a 500.
 * Runs before Spring Boot's error handler (order -1), which renders the page; the JSON API and FHIR answer their own.
 */
@Component
@Order(-2)
class OutagePages implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(OutagePages.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        var request = exchange.getRequest();
        if (!isPage(request.getPath().pathWithinApplication().value())
                || exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        var outage = Outages.of(error);
        if (outage.isEmpty()) {
            return Mono.error(error);
        }
        log.warn("Page {}", outage.get().logLine(request.getMethod(), request.getPath()));
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, ServiceUnavailable.retryAfterSeconds());
        return Mono.error(outage.get());
    }

    private static boolean isPage(String path) {
        return !(path.equals("/api")
                || path.startsWith("/api/")
                || path.equals("/fhir")
                || path.startsWith("/fhir/")
                || path.startsWith("/actuator/"));
    }
}
