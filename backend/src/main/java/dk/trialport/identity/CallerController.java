package dk.trialport.identity;

import dk.trialport.api.JsonApi;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/me}: who the platform takes the caller to be, so an integrating system can check
 * its token (subject, roles, organization, scopes). Holds no personal data beyond the token itself.
 */
@RestController
@JsonApi
class CallerController {

    /** The caller as the platform sees it. */
    record Caller(String subject, List<String> roles, String organization, List<String> scopes) {}

    @GetMapping("/api/v1/me")
    Caller me(@AuthenticationPrincipal Jwt jwt, JwtAuthenticationToken authentication) {
        var authorities = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .toList();
        return new Caller(
                jwt.getSubject(),
                authorities.stream()
                        .filter(a -> a.startsWith("ROLE_"))
                        .map(a -> a.substring(5))
                        .toList(),
                jwt.getClaimAsString("organization"),
                authorities.stream()
                        .filter(a -> a.startsWith("SCOPE_"))
                        .map(a -> a.substring(6))
                        .toList());
    }
}
