package dk.trialport.idp;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A registered OAuth2 client as configured in YAML.
 *
 * @param clientId the client id
 * @param clientSecret the secret, plain or with a {@code {id}} encoder prefix
 * @param clientName a display name
 * @param authenticationMethods client authentication methods, e.g. {@code client_secret_basic}
 * @param grantTypes grant types, e.g. {@code authorization_code}, {@code client_credentials}
 * @param scopes the scopes the client may ask for
 * @param redirectUris registered redirect URIs
 * @param postLogoutRedirectUris registered post-logout redirect URIs
 * @param requireProofKey whether PKCE is required (it is always allowed)
 * @param requireConsent whether users are asked for consent
 * @param roles roles put in client-credentials tokens (default HOSPITAL_SYSTEM)
 * @param organization the organization a system client acts for
 * @param organizationName the organization's display name
 * @param accessTokenTimeToLive lifetime of access tokens
 * @param jwkSetUrl where the client's public keys are, for {@code private_key_jwt} (SMART Backend Services)
 */
public record DemoClient(
        String clientId,
        @Nullable String clientSecret,
        @Nullable String clientName,
        List<String> authenticationMethods,
        List<String> grantTypes,
        List<String> scopes,
        List<String> redirectUris,
        List<String> postLogoutRedirectUris,
        boolean requireProofKey,
        boolean requireConsent,
        List<String> roles,
        @Nullable String organization,
        @Nullable String organizationName,
        @Nullable Duration accessTokenTimeToLive,
        @Nullable String jwkSetUrl) {

    public DemoClient {
        authenticationMethods = listOr(authenticationMethods, List.of("client_secret_basic"));
        grantTypes = listOr(grantTypes, List.of());
        scopes = listOr(scopes, List.of());
        redirectUris = listOr(redirectUris, List.of());
        postLogoutRedirectUris = listOr(postLogoutRedirectUris, List.of());
        roles = listOr(roles, List.of("HOSPITAL_SYSTEM"));
    }

    private static List<String> listOr(@Nullable List<String> list, List<String> fallback) {
        return (list != null && !list.isEmpty()) ? List.copyOf(list) : fallback;
    }
}
