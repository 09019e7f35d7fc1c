package dk.trialport.identity;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Someone who may act for a trial team: an investigator logged in to the workspace, a hospital system
 * with a bearer token, or a platform administrator.
 *
 * @param subject the login subject (a user's id, or a system's client id)
 * @param name what the audit log and colleagues see: the user's name, or the client id
 * @param roles roles without the {@code ROLE_} prefix
 * @param organization the organization the token vouches for ({@code organization} claim), or null
 */
public record TeamCaller(String subject, String name, Set<String> roles, String organization) {

    static final String ORGANIZATION_CLAIM = "organization";

    public TeamCaller {
        roles = Set.copyOf(roles);
    }

    public boolean isAdmin() {
        return roles.contains(Roles.ADMIN);
    }

    public boolean isHospitalSystem() {
        return roles.contains(Roles.HOSPITAL_SYSTEM);
    }

    /** The role the audit log records: the most privileged one the caller acts in. */
    public String auditRole() {
        for (var role : List.of(Roles.ADMIN, Roles.HOSPITAL_SYSTEM, Roles.INVESTIGATOR, Roles.PATIENT)) {
            if (roles.contains(role)) {
                return role.toLowerCase(java.util.Locale.ROOT);
            }
        }
        return "unknown";
    }

    /** A workspace user, from their OpenID Connect login and the authorities it was given. */
    public static TeamCaller of(OidcUser user, Authentication authentication) {
        var name = user.getFullName() != null ? user.getFullName() : user.getSubject();
        return new TeamCaller(
                user.getSubject(), name, roles(authentication), user.getClaimAsString(ORGANIZATION_CLAIM));
    }

    /** A bearer-token caller (hospital system, or an investigator's user token). */
    public static TeamCaller of(Jwt jwt, Authentication authentication) {
        return new TeamCaller(
                jwt.getSubject(), jwt.getSubject(), roles(authentication), jwt.getClaimAsString(ORGANIZATION_CLAIM));
    }

    private static Set<String> roles(Authentication authentication) {
        var roles = new LinkedHashSet<String>();
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            var name = authority.getAuthority();
            if (name != null && name.startsWith("ROLE_")) {
                roles.add(name.substring(5));
            }
        }
        return roles;
    }
}
