package dk.trialport.idp;

import java.util.function.Consumer;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationValidator;

/** Validates {@code post_logout_redirect_uri} of RP-initiated logout; loopback URIs may use any port in development. */
final class PostLogoutRedirectUriValidator implements Consumer<OidcLogoutAuthenticationContext> {

    private final boolean allowAnyLoopbackPort;

    PostLogoutRedirectUriValidator(boolean allowAnyLoopbackPort) {
        this.allowAnyLoopbackPort = allowAnyLoopbackPort;
    }

    @Override
    public void accept(OidcLogoutAuthenticationContext context) {
        OidcLogoutAuthenticationToken logout = context.getAuthentication();
        String requested = logout.getPostLogoutRedirectUri();
        boolean loopbackMatch = this.allowAnyLoopbackPort
                && LoopbackRedirectUris.matchesAnyPort(
                        requested, context.getRegisteredClient().getPostLogoutRedirectUris());
        if (!loopbackMatch) {
            OidcLogoutAuthenticationValidator.DEFAULT_POST_LOGOUT_REDIRECT_URI_VALIDATOR.accept(context);
        }
    }
}
