package dk.trialport.platform;

import dk.trialport.support.TrialportIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@TrialportIntegrationTest
@AutoConfigureWebTestClient(timeout = "PT60S")
class PlatformHealthIT {

    @Autowired
    WebTestClient web;

    @Test
    void healthIsUpWithPostgresElasticsearchAndTheIdentityProviderEachListed() {
        web.get()
                .uri("/actuator/health")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP")
                .jsonPath("$.components.postgresql.status")
                .isEqualTo("UP")
                .jsonPath("$.components.elasticsearch.status")
                .isEqualTo("UP")
                .jsonPath("$.components.identityProvider.status")
                .isEqualTo("UP");
    }

    @Test
    void theFrontPageAnswersWithAPage() {
        web.get()
                .uri("/")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class)
                .value(body -> org.assertj.core.api.Assertions.assertThat(body).contains("Trialport"));
    }
}
