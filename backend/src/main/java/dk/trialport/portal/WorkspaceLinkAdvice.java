package dk.trialport.portal;

import dk.trialport.identity.Roles;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Tells every page's header whether the person logged in works in the workspace, so it can link there. */
@ControllerAdvice
class WorkspaceLinkAdvice {

    private static final Set<String> WORKSPACE_ROLES = Set.of("ROLE_" + Roles.INVESTIGATOR, "ROLE_" + Roles.ADMIN);

    @ModelAttribute("mayUseWorkspace")
    Mono<Boolean> mayUseWorkspace(ServerWebExchange exchange) {
        return exchange.getPrincipal()
                .filter(Authentication.class::isInstance)
                .map(principal -> ((Authentication) principal)
                        .getAuthorities().stream()
                                .map(GrantedAuthority::getAuthority)
                                .anyMatch(WORKSPACE_ROLES::contains))
                .defaultIfEmpty(false);
    }
}
