package dk.trialport.identity;

import dk.trialport.api.InvalidParameter;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The security firewall and its refusals. Spring Security's strict firewall, letting {@code TRACE} through to get the
 * 405 any method a path does not serve gets, refusing control characters in parameter values as it does in names,
 * and reading the query parameters at once (it checks them only when read, which would fail a handler with a 500). A refusal is a 400 naming the parameter with a control character in
 * its name or value, else a 400 with the firewall's reason, or a 501 for a method HTTP does not define; each
 * surface answers it in its own way ({@link Refusals}).
 */
class RefusedRequests implements ServerExchangeRejectedHandler {

    private static final Logger log = LoggerFactory.getLogger(RefusedRequests.class);

    /** The methods a request may have: HTTP's own, less {@code CONNECT}. */
    static final Set<HttpMethod> METHODS = Set.of(
            HttpMethod.GET,
            HttpMethod.HEAD,
            HttpMethod.POST,
            HttpMethod.PUT,
            HttpMethod.PATCH,
            HttpMethod.DELETE,
            HttpMethod.OPTIONS,
            HttpMethod.TRACE);

    static ServerWebExchangeFirewall firewall() {
        var strict = new StrictServerWebExchangeFirewall();
        strict.setAllowedHttpMethods(METHODS);
        strict.setAllowedParameterValues(value -> !InvalidParameter.hasControlCharacter(value));
        return exchange -> strict.getFirewalledExchange(exchange).map(firewalled -> {
            firewalled.getRequest().getQueryParams();
            return firewalled;
        });
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException rejected) {
        var request = exchange.getRequest();
        log.debug("Refused {} {}: {}", request.getMethod(), request.getPath(), rejected.getMessage());
        if (!METHODS.contains(request.getMethod())) {
            return Refusals.refuse(
                    exchange,
                    new ResponseStatusException(
                            HttpStatus.NOT_IMPLEMENTED, "The method " + request.getMethod() + " is not supported"),
                    "not-supported");
        }
        ResponseStatusException refusal = InvalidParameter.withControlCharacters(request.getURI())
                .map(ResponseStatusException.class::cast)
                .orElseGet(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, rejected.getMessage()));
        return Refusals.refuse(exchange, refusal, "invalid");
    }
}
