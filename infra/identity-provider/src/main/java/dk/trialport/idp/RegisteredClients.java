package dk.trialport.idp;

import java.util.UUID;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/** Maps a configured {@link DemoClient} to a Spring Authorization Server {@link RegisteredClient}. */
final class RegisteredClients {

    private RegisteredClients() {}

    static RegisteredClient from(DemoClient client) {
        RegisteredClient.Builder builder = RegisteredClient.withId(
                        UUID.nameUUIDFromBytes(client.clientId().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                                .toString())
                .clientId(client.clientId())
                .clientName((client.clientName() != null) ? client.clientName() : client.clientId());
        if (client.clientSecret() != null) {
            builder.clientSecret(Passwords.encoded(client.clientSecret()));
        }
        client.authenticationMethods()
                .forEach((method) -> builder.clientAuthenticationMethod(new ClientAuthenticationMethod(method)));
        client.grantTypes().forEach((grant) -> builder.authorizationGrantType(new AuthorizationGrantType(grant)));
        client.scopes().forEach(builder::scope);
        client.redirectUris().forEach(builder::redirectUri);
        client.postLogoutRedirectUris().forEach(builder::postLogoutRedirectUri);
        ClientSettings.Builder settings = ClientSettings.builder()
                .requireProofKey(client.requireProofKey())
                .requireAuthorizationConsent(client.requireConsent());
        if (client.jwkSetUrl() != null) {
            // SMART Backend Services: the client signs its assertion with RS384 (or ES384).
            settings.jwkSetUrl(client.jwkSetUrl())
                    .tokenEndpointAuthenticationSigningAlgorithm(SignatureAlgorithm.RS384);
        }
        builder.clientSettings(settings.build());
        TokenSettings.Builder tokens = TokenSettings.builder();
        if (client.accessTokenTimeToLive() != null) {
            tokens.accessTokenTimeToLive(client.accessTokenTimeToLive());
        }
        builder.tokenSettings(tokens.build());
        return builder.build();
    }
}
