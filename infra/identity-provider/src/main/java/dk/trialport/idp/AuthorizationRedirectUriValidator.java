package dk.trialport.idp;

import java.util.function.Consumer;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationValidator;

/**
 * Validates redirect URI and scope of authorization requests; in development also accepts
 * {@code http://localhost:<any port>/...} when the same URI is registered with another port.
 * Spring Authorization Server itself only lets the port vary for loopback IP literals
 * (127.x.x.x, ::1), not for the name {@code localhost}.
 */
final class AuthorizationRedirectUriValidator implements Consumer<OAuth2AuthorizationCodeRequestAuthenticationContext> {

    private final boolean allowAnyLoopbackPort;

    AuthorizationRedirectUriValidator(boolean allowAnyLoopbackPort) {
        this.allowAnyLoopbackPort = allowAnyLoopbackPort;
    }

    @Override
    public void accept(OAuth2AuthorizationCodeRequestAuthenticationContext context) {
        OAuth2AuthorizationCodeRequestAuthenticationToken request = context.getAuthentication();
        String requested = request.getRedirectUri();
        boolean loopbackMatch = this.allowAnyLoopbackPort
                && LoopbackRedirectUris.matchesAnyPort(
                        requested, context.getRegisteredClient().getRedirectUris());
        if (!loopbackMatch) {
            OAuth2AuthorizationCodeRequestAuthenticationValidator.DEFAULT_REDIRECT_URI_VALIDATOR.accept(context);
        }
        OAuth2AuthorizationCodeRequestAuthenticationValidator.DEFAULT_SCOPE_VALIDATOR.accept(context);
    }
}
