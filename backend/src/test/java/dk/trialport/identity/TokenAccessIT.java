package dk.trialport.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dk.trialport.support.TrialportIntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;

@TrialportIntegrationTest
@AutoConfigureWebTestClient
class TokenAccessIT {

  @Autowired WebTestClient web;
  @Autowired IdentityProperties identity;

  @Test
  void aTokenFromTheIdentityProviderIsAccepted() {
    var token = clientCredentialsToken("demo-hospital", "demo-hospital-secret", "system/ResearchStudy.cruds");

    web.get().uri("/api/v1/me").headers(headers -> headers.setBearerAuth(token)).exchange()
        .expectStatus().isOk()
        .expectBody()
        .jsonPath("$.subject").isEqualTo("demo-hospital")
        .jsonPath("$.roles[0]").isEqualTo(Roles.HOSPITAL_SYSTEM)
        .jsonPath("$.organization").isEqualTo("rh-onkologi")
        .jsonPath("$.scopes[0]").isEqualTo("system/ResearchStudy.cruds");
  }

  @Test
  void aRequestWithoutATokenIsRefused() {
    web.get().uri("/api/v1/me").exchange()
        .expectStatus().isUnauthorized()
        .expectHeader().valueMatches("WWW-Authenticate", "Bearer.*");
  }

  @Test
  void aForgedTokenIsRefused() {
    var token = clientCredentialsToken("demo-hospital", "demo-hospital-secret", "system/ResearchStudy.cruds");
    var parts = token.split("\\.");
    var forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();

    web.get().uri("/api/v1/me").headers(headers -> headers.setBearerAuth(forged)).exchange()
        .expectStatus().isUnauthorized();
  }

  private String clientCredentialsToken(String clientId, String secret, String scope) {
    Map<String, Object> response = WebClient.create(identity.issuer()).post().uri("/oauth2/token")
        .headers(headers -> headers.setBasicAuth(clientId, secret))
        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .body(BodyInserters.fromFormData("grant_type", "client_credentials").with("scope", scope))
        .retrieve()
        .bodyToMono(new ParameterizedTypeReference<Map<String, Object>>() {})
        .block();
    assertThat(response).containsKey("access_token");
    return (String) response.get("access_token");
  }
}
