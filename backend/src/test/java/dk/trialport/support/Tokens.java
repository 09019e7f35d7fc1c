package dk.trialport.support;

import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;

/** Real tokens from the development identity provider, as a hospital system gets them. */
public final class Tokens {

    private Tokens() {}

    /** The demo hospital system's token (client credentials) with {@code scope}. */
    public static String demoHospital(String issuer, String scope) {
        return clientCredentials(issuer, "demo-hospital", "demo-hospital-secret", scope);
    }

    /** The demo hospital system of another organization (Aarhus, auh-endokrinologi), with {@code scope}. */
    public static String aarhusHospital(String issuer, String scope) {
        return clientCredentials(issuer, "demo-hospital-aarhus", "demo-hospital-aarhus-secret", scope);
    }

    /** The platform operator's token (role ADMIN, no organization). */
    public static String operator(String issuer) {
        return clientCredentials(issuer, "trialport-operator", "trialport-operator-secret", "operator");
    }

    public static String clientCredentials(String issuer, String clientId, String secret, String scope) {
        Map<String, Object> response = WebClient.create(issuer)
                .post()
                .uri("/oauth2/token")
                .headers(headers -> headers.setBasicAuth(clientId, secret))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("grant_type", "client_credentials")
                        .with("scope", scope))
                .retrieve()
                .bodyToMono(new ParameterizedTypeReference<Map<String, Object>>() {})
                .block();
        if (response == null || !(response.get("access_token") instanceof String token)) {
            throw new IllegalStateException("no access token for " + clientId);
        }
        return token;
    }
}
