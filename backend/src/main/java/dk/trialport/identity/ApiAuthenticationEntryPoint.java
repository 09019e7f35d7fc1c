package dk.trialport.identity;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** 401 with the standard {@code WWW-Authenticate: Bearer} header (RFC 6750) and an error body the client can read. */
class ApiAuthenticationEntryPoint implements ServerAuthenticationEntryPoint {

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException e) {
        boolean invalid = e instanceof InvalidBearerTokenException;
        var refusal = new ErrorResponseException(HttpStatus.UNAUTHORIZED);
        refusal.setDetail(invalid ? "The bearer token is not valid" : "A bearer token is required");
        refusal.getHeaders()
                .set(
                        HttpHeaders.WWW_AUTHENTICATE,
                        invalid
                                ? "Bearer error=\"invalid_token\", error_description=\"The token is not valid\""
                                : "Bearer");
        return Refusals.refuse(exchange, refusal, "login");
    }
}
