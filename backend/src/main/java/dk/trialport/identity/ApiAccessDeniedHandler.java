package dk.trialport.identity;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** 403 with an error body the client can read. */
class ApiAccessDeniedHandler implements ServerAccessDeniedHandler {

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        var refusal = new ErrorResponseException(HttpStatus.FORBIDDEN);
        refusal.setDetail("This token does not allow " + exchange.getRequest().getMethod() + " here");
        return Refusals.refuse(exchange, refusal, "forbidden");
    }
}
