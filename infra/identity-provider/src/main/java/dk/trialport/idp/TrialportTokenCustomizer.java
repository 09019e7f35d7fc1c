package dk.trialport.idp;

import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.StandardClaimNames;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

/**
 * Adds Trialport claims to JWTs: for users {@code roles}, {@code name}, {@code person_id},
 * {@code organization}, {@code organization_name} (and name/email in ID tokens); for
 * client-credentials tokens the client's {@code roles} and {@code organization}.
 */
@Component
class TrialportTokenCustomizer implements OAuth2TokenCustomizer<JwtEncodingContext> {

    private static final OAuth2TokenType ID_TOKEN = new OAuth2TokenType(OidcParameterNames.ID_TOKEN);

    private final IdpProperties properties;

    TrialportTokenCustomizer(IdpProperties properties) {
        this.properties = properties;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
        boolean idToken = ID_TOKEN.equals(context.getTokenType());
        if (!accessToken && !idToken) {
            return;
        }
        JwtClaimsSet.Builder claims = context.getClaims();
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
            this.properties.client(context.getRegisteredClient().getClientId()).ifPresent((client) -> {
                claims.claim(TrialportClaims.ROLES, client.roles());
                putIfPresent(claims, TrialportClaims.ORGANIZATION, client.organization());
                putIfPresent(claims, TrialportClaims.ORGANIZATION_NAME, client.organizationName());
            });
            return;
        }
        this.properties.user(context.getPrincipal().getName()).ifPresent((user) -> {
            claims.claim(TrialportClaims.ROLES, user.roles());
            putIfPresent(claims, StandardClaimNames.NAME, user.name());
            putIfPresent(claims, TrialportClaims.PERSON_ID, user.personId());
            putIfPresent(claims, TrialportClaims.ORGANIZATION, user.organization());
            putIfPresent(claims, TrialportClaims.ORGANIZATION_NAME, user.organizationName());
            if (idToken) {
                claims.claim(StandardClaimNames.PREFERRED_USERNAME, user.username());
                putIfPresent(claims, StandardClaimNames.GIVEN_NAME, user.givenName());
                putIfPresent(claims, StandardClaimNames.FAMILY_NAME, user.familyName());
                if (context.getAuthorizedScopes().contains(OidcScopes.EMAIL)) {
                    putIfPresent(claims, StandardClaimNames.EMAIL, user.email());
                    if (user.email() != null) {
                        claims.claim(StandardClaimNames.EMAIL_VERIFIED, true);
                    }
                }
            }
        });
    }

    private static void putIfPresent(JwtClaimsSet.Builder claims, String name, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            claims.claim(name, value);
        }
    }
}
