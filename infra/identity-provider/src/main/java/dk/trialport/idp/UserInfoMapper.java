package dk.trialport.idp;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcUserInfoAuthenticationContext;

/** Answers the UserInfo endpoint with the user claims of the ID token (including Trialport claims). */
final class UserInfoMapper implements Function<OidcUserInfoAuthenticationContext, OidcUserInfo> {

    private static final Set<String> TOKEN_CLAIMS = Set.of(
            "iss",
            "aud",
            "exp",
            "iat",
            "nbf",
            "jti",
            "azp",
            "nonce",
            "auth_time",
            "sid",
            "at_hash",
            "c_hash",
            "acr",
            "amr");

    @Override
    public OidcUserInfo apply(OidcUserInfoAuthenticationContext context) {
        OAuth2Authorization.Token<OidcIdToken> idToken =
                context.getAuthorization().getToken(OidcIdToken.class);
        Map<String, Object> claims = new LinkedHashMap<>();
        if (idToken != null) {
            idToken.getToken().getClaims().forEach((name, value) -> {
                if (!TOKEN_CLAIMS.contains(name)) {
                    claims.put(name, value);
                }
            });
        }
        claims.putIfAbsent("sub", context.getAuthorization().getPrincipalName());
        return new OidcUserInfo(claims);
    }
}
