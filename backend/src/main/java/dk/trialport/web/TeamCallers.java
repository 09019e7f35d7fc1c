package dk.trialport.web;

import dk.trialport.identity.TeamCaller;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The workspace user of a request as a {@link TeamCaller}, from their login and the roles it gave them. */
final class TeamCallers {

  private TeamCallers() {}

  static Mono<TeamCaller> of(ServerWebExchange exchange) {
    return exchange.getPrincipal().ofType(Authentication.class)
        .filter(authentication -> authentication.getPrincipal() instanceof OidcUser)
        .map(authentication -> TeamCaller.of((OidcUser) authentication.getPrincipal(), authentication));
  }
}
