package dk.trialport.fhir;

import dk.trialport.identity.TeamCaller;
import java.util.Collection;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * What a caller may do with a resource type, by SMART scopes: a hospital system needs
 * {@code system/<Type>.<cruds>} (v2, e.g. {@code system/ResearchStudy.cu}) or {@code system/<Type>.write}
 * (v1) for the interaction, {@code *} standing for any type; platform administrators and investigators act
 * by their role. Which trials a caller may change or read candidates of is {@link TrialOwnership}'s to say. A
 * refusal is a 403 OperationOutcome naming the scope that was missing.
 */
@Component
class FhirAccess {

    /** SMART v2 permission letters. */
    static final char CREATE = 'c';

    static final char READ = 'r';
    static final char UPDATE = 'u';
    static final char DELETE = 'd';
    static final char SEARCH = 's';

    /** Allows the interaction or fails with a 403 OperationOutcome. */
    Mono<Void> require(String type, char permission) {
        return ReactiveSecurityContextHolder.getContext()
                .map(context -> context.getAuthentication())
                .filter(authentication -> !allows(authentication, type, permission))
                .flatMap(authentication -> Mono.error(new FhirProblem(
                        HttpStatus.FORBIDDEN,
                        "forbidden",
                        "The token does not allow " + verb(permission) + " " + type + "; it needs the scope system/"
                                + type + "." + permission + " (or system/" + type + ".cruds)",
                        null)));
    }

    /** Who is calling: a hospital system, or a user with a bearer token; empty without a token. */
    Mono<TeamCaller> caller() {
        return ReactiveSecurityContextHolder.getContext()
                .map(context -> context.getAuthentication())
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(authentication ->
                        TeamCaller.of(((JwtAuthenticationToken) authentication).getToken(), authentication));
    }

    static boolean allows(Authentication authentication, String type, char permission) {
        var authorities = authentication.getAuthorities();
        if (has(authorities, "ROLE_ADMIN") || has(authorities, "ROLE_INVESTIGATOR")) {
            return true;
        }
        return authorities.stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith("SCOPE_system/") || authority.startsWith("SCOPE_user/"))
                .map(authority -> authority.substring(authority.indexOf('/') + 1))
                .anyMatch(scope -> grants(scope, type, permission));
    }

    /** Whether one scope ({@code Type.permissions}) grants the permission on the type. */
    static boolean grants(String scope, String type, char permission) {
        int dot = scope.lastIndexOf('.');
        if (dot < 0) {
            return false;
        }
        var scopeType = scope.substring(0, dot);
        var permissions = scope.substring(dot + 1);
        if (!scopeType.equals(type) && !scopeType.equals("*")) {
            return false;
        }
        return switch (permissions) {
            case "*" -> true;
            case "write" -> permission != READ && permission != 's';
            case "read" -> permission == READ || permission == 's';
            default -> permissions.matches("c?r?u?d?s?") && permissions.indexOf(permission) >= 0;
        };
    }

    private static boolean has(Collection<? extends GrantedAuthority> authorities, String name) {
        return authorities.stream()
                .anyMatch(authority -> authority.getAuthority().equals(name));
    }

    private static String verb(char permission) {
        return switch (permission) {
            case CREATE -> "creating";
            case UPDATE -> "updating";
            case DELETE -> "deleting";
            case SEARCH -> "searching";
            default -> "reading";
        };
    }
}
