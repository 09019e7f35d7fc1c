package dk.trialport.fhir;

import dk.trialport.identity.IdentityProperties;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /fhir/.well-known/smart-configuration}: where a hospital system gets its tokens (SMART App
 * Launch discovery), and what it may ask for.
 */
@RestController
class SmartConfigurationController {

    private final IdentityProperties identity;

    SmartConfigurationController(IdentityProperties identity) {
        this.identity = identity;
    }

    /** JSON whatever the Accept header says: a FHIR client asks with application/fhir+json, as it does everywhere. */
    @GetMapping("/fhir/.well-known/smart-configuration")
    ResponseEntity<Map<String, Object>> configuration() {
        var issuer = identity.issuer();
        var configuration = new LinkedHashMap<String, Object>();
        configuration.put("issuer", issuer);
        configuration.put("jwks_uri", issuer + "/oauth2/jwks");
        configuration.put("authorization_endpoint", issuer + "/oauth2/authorize");
        configuration.put("token_endpoint", issuer + "/oauth2/token");
        configuration.put("grant_types_supported", List.of("client_credentials", "authorization_code"));
        configuration.put("token_endpoint_auth_methods_supported", List.of("private_key_jwt", "client_secret_basic"));
        configuration.put("token_endpoint_auth_signing_alg_values_supported", List.of("RS384", "ES384"));
        configuration.put(
                "scopes_supported",
                List.of(
                        "system/ResearchStudy.cruds",
                        "system/ResearchStudy.rs",
                        "system/ResearchSubject.rs",
                        "system/Location.cruds",
                        "system/Organization.cruds",
                        "system/PractitionerRole.cruds",
                        "openid",
                        "profile"));
        configuration.put(
                "capabilities",
                List.of("client-confidential-asymmetric", "client-confidential-symmetric", "permission-v2"));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(configuration);
    }
}
