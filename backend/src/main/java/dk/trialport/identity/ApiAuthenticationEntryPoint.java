package dk.trialport.identity;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** 401 with the standard {@code WWW-Authenticate: Bearer} header (RFC 6750) and an error body the client can read. */
class ApiAuthenticationEntryPoint implements ServerAuthenticationEntryPoint {

  @Override
  public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException e) {
    var challenge = e instanceof InvalidBearerTokenException
        ? "Bearer error=\"invalid_token\", error_description=\"The token is not valid\"" : "Bearer";
    exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, challenge);
    var message = e instanceof InvalidBearerTokenException ? "The bearer token is not valid" : "A bearer token is required";
    return ApiErrorBodies.write(exchange, HttpStatus.UNAUTHORIZED, "login", message);
  }
}
