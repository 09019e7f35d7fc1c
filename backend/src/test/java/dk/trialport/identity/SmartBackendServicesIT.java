package dk.trialport.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dk.trialport.support.TrialportIntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * A hospital system authenticates as SMART Backend Services describes: discovery, a client assertion
 * signed with its private key (private_key_jwt), a token with system scopes, and a FHIR write with it.
 */
@TrialportIntegrationTest
class SmartBackendServicesIT {

    private static final Path DEMO_KEY = Path.of("../infra/dev-keys/demo-hospital-system.private-jwks.json");

    @LocalServerPort
    int port;

    @Autowired
    IdentityProperties identity;

    @Test
    void aSignedClientAssertionGetsATokenThatWritesTheCatalogue() throws Exception {
        var api = WebTestClient.bindToServer()
                .responseTimeout(java.time.Duration.ofSeconds(60))
                .baseUrl("http://localhost:" + port)
                .build();
        var discovery = api.get()
                .uri("/fhir/.well-known/smart-configuration")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
        assertThat(discovery.get("token_endpoint_auth_methods_supported").toString())
                .contains("private_key_jwt");
        var tokenEndpoint = (String) discovery.get("token_endpoint");

        var key = (RSAKey) JWKSet.parse(Files.readString(DEMO_KEY)).getKeys().get(0);
        var token = token(tokenEndpoint, assertion(key, tokenEndpoint), 200);

        api.post()
                .uri("/fhir/Organization")
                .headers(h -> h.setBearerAuth((String) token.get("access_token")))
                .contentType(MediaType.parseMediaType("application/fhir+json"))
                .bodyValue("{\"resourceType\":\"Organization\",\"name\":\"Rigshospitalet, Onkologisk Klinik\"}")
                .exchange()
                .expectStatus()
                .isCreated();

        var stranger = new RSAKeyGenerator(2048).keyID(key.getKeyID()).generate();
        token(tokenEndpoint, assertion(stranger, tokenEndpoint), 401);
    }

    private static String assertion(RSAKey key, String tokenEndpoint) throws Exception {
        var now = Instant.now();
        var claims = new JWTClaimsSet.Builder()
                .issuer("demo-hospital-system")
                .subject("demo-hospital-system")
                .audience(tokenEndpoint)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .build();
        var jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS384).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static Map<String, Object> token(String tokenEndpoint, String assertion, int status) {
        return WebTestClient.bindToServer()
                .responseTimeout(java.time.Duration.ofSeconds(60))
                .build()
                .post()
                .uri(tokenEndpoint)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("grant_type", "client_credentials")
                        .with("scope", "system/Organization.cruds")
                        .with("client_id", "demo-hospital-system")
                        .with("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
                        .with("client_assertion", assertion))
                .exchange()
                .expectStatus()
                .isEqualTo(status)
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
    }
}
