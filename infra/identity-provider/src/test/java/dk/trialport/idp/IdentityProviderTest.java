package dk.trialport.idp;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Drives the running identity provider over HTTP the way the portal and hospital systems will. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class IdentityProviderTest {

    /** The portal's redirect URI on a port that is not registered: allowed for localhost in development. */
    private static final String PORTAL_REDIRECT = "http://localhost:54321/login/oauth2/code/trialport";

    /** What a browser sends when navigating; a request accepting JSON is not saved for after login. */
    private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    private String base;

    private HttpClient http;

    @BeforeEach
    void setUp() {
        this.base = "http://localhost:" + this.port;
        this.http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Test
    @SuppressWarnings("unchecked")
    void discoveryDocumentListsIssuerAndEndpoints() throws Exception {
        HttpResponse<String> response = get("/.well-known/openid-configuration");
        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, Object> discovery = JSONObjectUtils.parse(response.body());
        assertThat(discovery)
                .containsEntry("issuer", this.base)
                .containsEntry("token_endpoint", this.base + "/oauth2/token")
                .containsEntry("jwks_uri", this.base + "/oauth2/jwks")
                .containsEntry("authorization_endpoint", this.base + "/oauth2/authorize")
                .containsEntry("end_session_endpoint", this.base + "/connect/logout");
        assertThat((List<Object>) discovery.get("id_token_signing_alg_values_supported"))
                .contains("RS256");
    }

    @Test
    void healthIsUp() throws Exception {
        HttpResponse<String> response = get("/actuator/health");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSONObjectUtils.parse(response.body())).containsEntry("status", "UP");
        assertThat(get("/actuator/env").statusCode()).isNotEqualTo(200);
    }

    @Test
    void hospitalSystemGetsSignedTokenWithScopesOrganizationAndRole() throws Exception {
        String scopes = "system/ResearchStudy.cruds system/ResearchSubject.rs system/Location.cruds";
        HttpResponse<String> response = token(
                "demo-hospital", "demo-hospital-secret", Map.of("grant_type", "client_credentials", "scope", scopes));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Map<String, Object> body = JSONObjectUtils.parse(response.body());
        assertThat(body).containsEntry("token_type", "Bearer");
        JWTClaimsSet claims = verified((String) body.get("access_token"));
        assertThat(claims.getIssuer()).isEqualTo(this.base);
        assertThat(claims.getSubject()).isEqualTo("demo-hospital");
        assertThat(claims.getStringListClaim("scope")).containsExactlyInAnyOrder(scopes.split(" "));
        assertThat(claims.getStringClaim("organization")).isEqualTo("rh-onkologi");
        assertThat(claims.getStringListClaim("roles")).containsExactly("HOSPITAL_SYSTEM");
    }

    @Test
    void wrongClientSecretIsUnauthorized() throws Exception {
        HttpResponse<String> response = token(
                "demo-hospital",
                "not-the-secret",
                Map.of("grant_type", "client_credentials", "scope", "system/ResearchStudy.cruds"));
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(JSONObjectUtils.parse(response.body())).containsEntry("error", "invalid_client");
    }

    @Test
    void readOnlyClientCannotAskForWriteScope() throws Exception {
        HttpResponse<String> refused = token(
                "demo-hospital-readonly",
                "demo-hospital-readonly-secret",
                Map.of("grant_type", "client_credentials", "scope", "system/ResearchStudy.cruds"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(JSONObjectUtils.parse(refused.body())).containsEntry("error", "invalid_scope");

        HttpResponse<String> granted = token(
                "demo-hospital-readonly",
                "demo-hospital-readonly-secret",
                Map.of("grant_type", "client_credentials", "scope", "system/ResearchStudy.rs"));
        assertThat(granted.statusCode()).isEqualTo(200);
        JWTClaimsSet claims =
                verified((String) JSONObjectUtils.parse(granted.body()).get("access_token"));
        assertThat(claims.getStringClaim("organization")).isEqualTo("auh-endokrinologi");
    }

    @Test
    void loginPageIsBilingualAndAccessible() throws Exception {
        HttpResponse<String> response = get("/login");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains(
                        "<html lang=\"da\"",
                        "<title>",
                        "Log ind",
                        "Log in",
                        "<label for=\"username\"",
                        "id=\"username\" name=\"username\"",
                        "<label for=\"password\"",
                        "id=\"password\" name=\"password\"",
                        "id=\"login-submit\"",
                        "Udviklings-login — i drift bruges MitID",
                        "Development login — MitID in production",
                        "Anne Jensen",
                        "Dr. Mette Larsen",
                        "name=\"_csrf\"");
    }

    @Test
    void wrongPasswordReturnsToLoginWithError() throws Exception {
        HttpResponse<String> response = login("patient", "wrong");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(location(response)).endsWith("/login?error");
    }

    @Test
    void patientLogsInThroughAuthorizationCodeFlow() throws Exception {
        Tokens tokens = authorizationCodeFlow("patient", PORTAL_REDIRECT);
        JWTClaimsSet access = verified(tokens.accessToken());
        assertThat(access.getSubject()).isEqualTo("patient");
        assertThat(access.getStringClaim("person_id")).isEqualTo("demo-person-anne");
        assertThat(access.getStringListClaim("roles")).containsExactly("PATIENT");
        assertThat(access.getStringClaim("name")).isEqualTo("Anne Jensen");
        assertThat(access.getClaim("organization")).isNull();

        JWTClaimsSet id = verified(tokens.idToken());
        assertThat(id.getAudience()).containsExactly("trialport-portal");
        assertThat(id.getStringClaim("nonce")).isEqualTo("n-0S6_WzA2Mj");
        assertThat(id.getStringClaim("name")).isEqualTo("Anne Jensen");
        assertThat(id.getStringClaim("email")).isEqualTo("anne.jensen@example.dk");

        HttpResponse<String> userInfo = this.http.send(
                HttpRequest.newBuilder(URI.create(this.base + "/userinfo"))
                        .header("Authorization", "Bearer " + tokens.accessToken())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(userInfo.statusCode()).isEqualTo(200);
        assertThat(JSONObjectUtils.parse(userInfo.body()))
                .containsEntry("sub", "patient")
                .containsEntry("person_id", "demo-person-anne")
                .containsEntry("email", "anne.jensen@example.dk");

        HttpResponse<String> refreshed = token(
                "trialport-portal",
                "trialport-portal-secret",
                Map.of("grant_type", "refresh_token", "refresh_token", tokens.refreshToken()));
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        Map<String, Object> refreshedBody = JSONObjectUtils.parse(refreshed.body());
        JWTClaimsSet again = verified((String) refreshedBody.get("access_token"));
        assertThat(again.getStringClaim("person_id")).isEqualTo("demo-person-anne");

        // RP-initiated logout back to the portal on its (random) localhost port; the refresh replaced the ID token.
        String idTokenHint = (String) refreshedBody.getOrDefault("id_token", tokens.idToken());
        HttpResponse<String> logout = get("/connect/logout?"
                + form(Map.of(
                        "id_token_hint",
                        idTokenHint,
                        "post_logout_redirect_uri",
                        "http://localhost:54321/",
                        "state",
                        "bye")));
        assertThat(logout.statusCode()).as(logout.headers() + logout.body()).isEqualTo(302);
        assertThat(location(logout)).isEqualTo("http://localhost:54321/?state=bye");
    }

    @Test
    void investigatorTokenCarriesOrganization() throws Exception {
        Tokens tokens = authorizationCodeFlow("investigator", "http://127.0.0.1:8080/login/oauth2/code/trialport");
        JWTClaimsSet access = verified(tokens.accessToken());
        assertThat(access.getStringListClaim("roles")).containsExactly("INVESTIGATOR");
        assertThat(access.getStringClaim("organization")).isEqualTo("rh-onkologi");
        assertThat(access.getStringClaim("organization_name")).startsWith("Rigshospitalet");
        assertThat(access.getClaim("person_id")).isNull();
    }

    @Test
    void unregisteredRedirectUriIsRefusedWithoutRedirect() throws Exception {
        login("patient", "patient");
        HttpResponse<String> response =
                get(authorizeUri("https://evil.example/login/oauth2/code/trialport", "xyz", "n", null));
        assertThat(response.statusCode()).isEqualTo(400);
        HttpResponse<String> otherPath = get(authorizeUri("http://localhost:54321/other", "xyz", "n", null));
        assertThat(otherPath.statusCode()).isEqualTo(400);
    }

    private Tokens authorizationCodeFlow(String username, String redirectUri) throws Exception {
        String verifier = "verifier-" + "x".repeat(50);
        String state = "state-" + username;
        // 1. The portal sends the browser to the authorization endpoint; not logged in yet.
        HttpResponse<String> start = get(authorizeUri(redirectUri, state, "n-0S6_WzA2Mj", challenge(verifier)));
        assertThat(start.statusCode()).isEqualTo(302);
        assertThat(location(start)).isEqualTo(this.base + "/login");
        // 2. The user logs in through the form and is sent back to the authorization request.
        HttpResponse<String> loggedIn = login(username, username);
        assertThat(loggedIn.statusCode()).isEqualTo(302);
        assertThat(location(loggedIn)).contains("/oauth2/authorize");
        // 3. The authorization endpoint redirects to the portal with a code.
        HttpResponse<String> authorized = get(location(loggedIn));
        assertThat(authorized.statusCode()).as(authorized.body()).isEqualTo(302);
        URI callback = URI.create(location(authorized));
        assertThat(callback.getScheme() + "://" + callback.getAuthority() + callback.getPath())
                .isEqualTo(redirectUri);
        Map<String, String> query = query(callback);
        assertThat(query).containsEntry("state", state).containsKey("code");
        // 4. The portal exchanges the code.
        HttpResponse<String> response = token(
                "trialport-portal",
                "trialport-portal-secret",
                Map.of(
                        "grant_type",
                        "authorization_code",
                        "code",
                        query.get("code"),
                        "redirect_uri",
                        redirectUri,
                        "code_verifier",
                        verifier));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Map<String, Object> body = JSONObjectUtils.parse(response.body());
        return new Tokens(
                (String) body.get("access_token"), (String) body.get("id_token"), (String) body.get("refresh_token"));
    }

    private String authorizeUri(String redirectUri, String state, String nonce, String codeChallenge) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("response_type", "code");
        params.put("client_id", "trialport-portal");
        params.put("scope", "openid profile email");
        params.put("redirect_uri", redirectUri);
        params.put("state", state);
        params.put("nonce", nonce);
        if (codeChallenge != null) {
            params.put("code_challenge", codeChallenge);
            params.put("code_challenge_method", "S256");
        }
        return "/oauth2/authorize?" + form(params);
    }

    private HttpResponse<String> login(String username, String password) throws Exception {
        HttpResponse<String> page = get("/login");
        Matcher csrf = CSRF.matcher(page.body());
        assertThat(csrf.find()).as("CSRF token on the login page").isTrue();
        return this.http.send(
                HttpRequest.newBuilder(URI.create(this.base + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Accept", BROWSER_ACCEPT)
                        .POST(HttpRequest.BodyPublishers.ofString(
                                form(Map.of("username", username, "password", password, "_csrf", csrf.group(1)))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String pathOrUri) throws IOException, InterruptedException {
        URI uri = URI.create(pathOrUri.startsWith("http") ? pathOrUri : this.base + pathOrUri);
        return this.http.send(
                HttpRequest.newBuilder(uri).header("Accept", BROWSER_ACCEPT).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> token(String clientId, String secret, Map<String, String> params)
            throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return this.http.send(
                HttpRequest.newBuilder(URI.create(this.base + "/oauth2/token"))
                        .header("Authorization", "Basic " + basic)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(form(params)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JWTClaimsSet verified(String jwt) throws IOException, InterruptedException, ParseException, JOSEException {
        SignedJWT signed = SignedJWT.parse(jwt);
        assertThat(signed.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        JWKSet keys = JWKSet.parse(get("/oauth2/jwks").body());
        RSAKey key = (RSAKey) keys.getKeyByKeyId(signed.getHeader().getKeyID());
        assertThat(key).isNotNull();
        assertThat(signed.verify(new RSASSAVerifier(key))).isTrue();
        return signed.getJWTClaimsSet();
    }

    private static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElseThrow();
    }

    private static Map<String, String> query(URI uri) {
        return java.util.Arrays.stream(uri.getRawQuery().split("&"))
                .map((pair) -> pair.split("=", 2))
                .collect(Collectors.toMap(
                        (pair) -> pair[0], (pair) -> java.net.URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
    }

    private static String form(Map<String, String> params) {
        return params.entrySet().stream()
                .map((entry) -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String challenge(String verifier) throws NoSuchAlgorithmException {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    /** The tokens the portal receives from the token endpoint. */
    private record Tokens(String accessToken, String idToken, String refreshToken) {}
}
