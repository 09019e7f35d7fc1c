package dk.trialport.clinician;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OAuth 2 side of a SMART App Launch 2: discovers an EHR's endpoints from
 * {@code {iss}/.well-known/smart-configuration}, builds the authorization request (code flow with PKCE S256, a fresh
 * {@code state}, {@code aud} = the FHIR server) and exchanges the code at the token endpoint. A small explicit client
 * rather than Spring Security's OAuth2 client: the authorization server is only known at launch time (from
 * {@code iss}), while Spring's client registrations are fixed at start.
 */
@Component
class SmartClient {

    /** What an EHR launch asks for: the launch context, the patient's record (read and search), the practitioner. */
    static final String EHR_SCOPES =
            "launch openid fhirUser patient/Patient.rs patient/Condition.rs patient/Observation.rs";
    /** A standalone launch asks the authorization server to let the practitioner pick the patient. */
    static final String STANDALONE_SCOPES =
            "launch/patient openid fhirUser patient/Patient.rs patient/Condition.rs patient/Observation.rs";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};

    private final WebClient web;
    private final ClinicianProperties properties;
    private final JsonMapper json = JsonMapper.builder().build();

    SmartClient(WebClient.Builder web, ClinicianProperties properties) {
        this.web = web.build();
        this.properties = properties;
    }

    /** The EHR's authorization and token endpoints. */
    record Endpoints(String authorize, String token) {}

    /** Why a launch cannot go on; {@code reason} names the page text. */
    static class LaunchFailed extends RuntimeException {
        final String reason;

        LaunchFailed(String reason, String message) {
            super(message);
            this.reason = reason;
        }
    }

    /** Reads the EHR's SMART configuration; it must offer the code flow with PKCE S256. */
    Mono<Endpoints> discover(URI issuer) {
        var base = issuer.toString().endsWith("/") ? issuer.toString() : issuer + "/";
        return json(web.get().uri(URI.create(base + ".well-known/smart-configuration")), "unreachable")
                .map(configuration -> {
                    var authorize = configuration.get("authorization_endpoint");
                    var token = configuration.get("token_endpoint");
                    if (!(authorize instanceof String a) || !(token instanceof String t)) {
                        throw new LaunchFailed("configuration", "The SMART configuration names no endpoints");
                    }
                    if (!(configuration.get("code_challenge_methods_supported") instanceof List<?> methods)
                            || !methods.contains("S256")) {
                        throw new LaunchFailed("pkce", "The EHR does not offer PKCE with S256");
                    }
                    return new Endpoints(a, t);
                });
    }

    /** A new authorization request's secrets: {@code state} and the PKCE code verifier, 256 random bits each. */
    SmartSession.Pending begin(URI issuer, Endpoints endpoints, String redirectUri, boolean standalone) {
        return new SmartSession.Pending(
                issuer, endpoints.token(), random(), random(), redirectUri, standalone, Instant.now());
    }

    /** Where to send the browser: the EHR's authorization endpoint with the request in the query. */
    String authorizationUrl(Endpoints endpoints, SmartSession.Pending pending, String launch) {
        var url = UriComponentsBuilder.fromUriString(endpoints.authorize())
                .queryParam("response_type", "code")
                .queryParam("client_id", properties.clientId())
                .queryParam("redirect_uri", pending.redirectUri())
                .queryParam("scope", pending.standalone() ? STANDALONE_SCOPES : EHR_SCOPES)
                .queryParam("state", pending.state())
                .queryParam("aud", pending.issuer().toString())
                .queryParam("code_challenge", challenge(pending.verifier()))
                .queryParam("code_challenge_method", "S256");
        if (launch != null) {
            url.queryParam("launch", launch);
        }
        return url.encode().build().toUriString();
    }

    /** Exchanges the authorization code (with the code verifier) for an access token with a patient in context. */
    Mono<SmartSession.Launch> exchange(SmartSession.Pending pending, String code) {
        var form = new LinkedMultiValueMap<String, String>();
        form.add("grant_type", "authorization_code");
        form.add("code", code);
        form.add("redirect_uri", pending.redirectUri());
        form.add("client_id", properties.clientId());
        form.add("code_verifier", pending.verifier());
        var request = web.post()
                .uri(URI.create(pending.tokenEndpoint()))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(form));
        return json(request, "token").map(answer -> launch(pending, answer));
    }

    /** The JSON object the EHR answers; any failure (no answer, an error status, not JSON) is a failed launch. */
    private static Mono<Map<String, Object>> json(WebClient.RequestHeadersSpec<?> request, String reason) {
        return request.accept(MediaType.APPLICATION_JSON)
                .retrieve()
                .bodyToMono(JSON)
                .timeout(TIMEOUT)
                .onErrorMap(e ->
                        new LaunchFailed(reason, reason + ": " + e.getClass().getSimpleName()));
    }

    private SmartSession.Launch launch(SmartSession.Pending pending, Map<String, Object> answer) {
        if (!(answer.get("access_token") instanceof String token)
                || !"bearer".equalsIgnoreCase(String.valueOf(answer.get("token_type")))) {
            throw new LaunchFailed("token", "The token response holds no bearer token");
        }
        if (!(answer.get("patient") instanceof String patient) || patient.isBlank()) {
            throw new LaunchFailed("patient", "The token response names no patient");
        }
        var seconds = answer.get("expires_in") instanceof Number n ? n.longValue() : 300;
        return new SmartSession.Launch(
                pending.issuer(),
                token,
                patient,
                practitioner(answer),
                Instant.now().plusSeconds(seconds));
    }

    /**
     * The practitioner from the ID token's {@code fhirUser} claim (else its {@code sub}). The ID token came straight
     * from the token endpoint over TLS in answer to this client's own code, so, as OpenID Connect Core 3.1.3.7 allows,
     * its signature is not checked here.
     */
    private String practitioner(Map<String, Object> answer) {
        if (answer.get("id_token") instanceof String idToken && idToken.split("\\.").length >= 2) {
            try {
                var payload = Base64.getUrlDecoder().decode(idToken.split("\\.")[1]);
                var claims = json.readTree(new String(payload, StandardCharsets.UTF_8));
                for (var claim : List.of("fhirUser", "sub")) {
                    if (claims.hasNonNull(claim)
                            && !claims.get(claim).asString().isBlank()) {
                        return claims.get(claim).asString();
                    }
                }
            } catch (RuntimeException e) {
                throw new LaunchFailed("token", "The ID token cannot be read");
            }
        }
        throw new LaunchFailed("practitioner", "The token response names no practitioner (fhirUser)");
    }

    static String challenge(String verifier) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String random() {
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
