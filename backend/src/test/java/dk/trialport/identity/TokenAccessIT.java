package dk.trialport.identity;

import dk.trialport.support.Tokens;
import dk.trialport.support.TrialportIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

@TrialportIntegrationTest
@AutoConfigureWebTestClient(timeout = "PT60S")
class TokenAccessIT {

    @Autowired
    WebTestClient web;

    @Autowired
    IdentityProperties identity;

    @Test
    void aTokenFromTheIdentityProviderIsAccepted() {
        var token = clientCredentialsToken("demo-hospital", "demo-hospital-secret", "system/ResearchStudy.cruds");

        web.get()
                .uri("/api/v1/me")
                .headers(headers -> headers.setBearerAuth(token))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.subject")
                .isEqualTo("demo-hospital")
                .jsonPath("$.roles[0]")
                .isEqualTo(Roles.HOSPITAL_SYSTEM)
                .jsonPath("$.organization")
                .isEqualTo("rh-onkologi")
                .jsonPath("$.scopes[0]")
                .isEqualTo("system/ResearchStudy.cruds");
    }

    @Test
    void hospitalSystemsDiscoverWhereToGetTokens() {
        web.get()
                .uri("/fhir/.well-known/smart-configuration")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.token_endpoint")
                .isEqualTo(identity.issuer() + "/oauth2/token")
                .jsonPath("$.grant_types_supported[0]")
                .isEqualTo("client_credentials");
    }

    @Test
    void aRequestWithoutATokenIsRefused() {
        web.get()
                .uri("/api/v1/me")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .valueMatches("WWW-Authenticate", "Bearer.*");
    }

    @Test
    void aForgedTokenIsRefused() {
        var token = clientCredentialsToken("demo-hospital", "demo-hospital-secret", "system/ResearchStudy.cruds");
        var parts = token.split("\\.");
        var forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();

        web.get()
                .uri("/api/v1/me")
                .headers(headers -> headers.setBearerAuth(forged))
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    private String clientCredentialsToken(String clientId, String secret, String scope) {
        return Tokens.clientCredentials(identity.issuer(), clientId, secret, scope);
    }
}
