package dk.trialport.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;

/**
 * A stand-in electronic health record for the clinician app's tests: a FHIR R4 server (JDK {@link HttpServer}) with
 * SMART App Launch 2's authorization server in front of it. It serves {@code /fhir/.well-known/smart-configuration},
 * {@code /authorize} (approves at once and sends the browser back with a code; an EHR launch names a launch context
 * this EHR handed out, a standalone launch gets {@link #standalonePatient}), {@code /token} (checks the PKCE
 * {@code code_verifier} against the challenge: a missing or wrong one is a 400 {@code invalid_grant}; answers an access
 * token with {@code patient} and an ID token with {@code fhirUser}) and the patient's {@code Patient/{id}},
 * {@code Condition?patient=} and {@code Observation?patient=&code=} to a bearer of a token for that patient. It
 * records every request line and token request, so tests can see what the app sent.
 */
public final class StandInEhr implements AutoCloseable {

    public static final String PRACTITIONER = "Practitioner/dr-hansen";

    private final HttpServer server;
    private final Map<String, Patient> patients = new ConcurrentHashMap<>();
    private final Map<String, List<Resource>> records = new ConcurrentHashMap<>();
    private final Map<String, String> launches = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> codes = new ConcurrentHashMap<>();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final List<String> requestLines = new CopyOnWriteArrayList<>();
    private final List<Map<String, String>> tokenRequests = new CopyOnWriteArrayList<>();
    private volatile boolean offersPkce = true;
    private volatile String standalonePatient;

    public StandInEhr() {
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    /** The FHIR base URL: the {@code iss} of a launch. */
    public String base() {
        return "http://localhost:" + server.getAddress().getPort() + "/fhir";
    }

    /**
     * Adds a Synthea patient (a transaction Bundle) with its Conditions and Observations; the record's home address
     * becomes the Danish postal code given (none when null), since Synthea's patients live in Massachusetts.
     *
     * @return the patient's id
     */
    public String addSyntheaPatient(Path bundleFile, String danishPostalCode) {
        try {
            return addPatient(
                    FhirClients.CONTEXT.newJsonParser().parseResource(Bundle.class, Files.readString(bundleFile)),
                    danishPostalCode);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds a patient from a Bundle with their Patient, Conditions and Observations, as {@link #addSyntheaPatient}. */
    public String addPatient(Bundle bundle, String danishPostalCode) {
        var patient = bundle.getEntry().stream()
                .map(Bundle.BundleEntryComponent::getResource)
                .filter(Patient.class::isInstance)
                .map(Patient.class::cast)
                .findFirst()
                .orElseThrow();
        var id = patient.getIdElement().getIdPart() != null
                ? patient.getIdElement().getIdPart()
                : UUID.randomUUID().toString();
        patient.setId(id);
        patient.getAddress().clear();
        if (danishPostalCode != null) {
            patient.addAddress()
                    .setUse(Address.AddressUse.HOME)
                    .setPostalCode(danishPostalCode)
                    .setCountry("DK");
        }
        patients.put(id, patient);
        var resources = new ArrayList<Resource>();
        for (var entry : bundle.getEntry()) {
            var resource = entry.getResource();
            if (resource instanceof Condition || resource instanceof Observation) {
                if (!resource.getIdElement().hasIdPart()) {
                    resource.setId(UUID.randomUUID().toString());
                }
                resources.add(resource);
            }
        }
        records.put(id, resources);
        return id;
    }

    /** A launch context for the patient, as the EHR would put in the app's launch URL. */
    public String launch(String patientId) {
        var launch = UUID.randomUUID().toString();
        launches.put(launch, patientId);
        return launch;
    }

    /** The patient a standalone launch picks (the practitioner's choice at the EHR). */
    public void standalonePatient(String patientId) {
        standalonePatient = patientId;
    }

    /** Whether the SMART configuration lists PKCE S256 (a test turns it off to see the app refuse). */
    public void offersPkce(boolean offers) {
        offersPkce = offers;
    }

    /** Every access token handed out. */
    public Set<String> issuedTokens() {
        return Set.copyOf(tokens.keySet());
    }

    /** Every request's method, path and query, as received. */
    public List<String> requestLines() {
        return List.copyOf(requestLines);
    }

    /** The form of every token request. */
    public List<Map<String, String>> tokenRequests() {
        return List.copyOf(tokenRequests);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            var uri = exchange.getRequestURI();
            requestLines.add(exchange.getRequestMethod() + " " + uri);
            var path = uri.getPath();
            if (path.equals("/fhir/.well-known/smart-configuration")) {
                smartConfiguration(exchange);
            } else if (path.equals("/authorize")) {
                authorize(exchange, query(uri.getRawQuery()));
            } else if (path.equals("/token") && exchange.getRequestMethod().equals("POST")) {
                token(exchange, query(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            } else if (path.startsWith("/fhir/")) {
                fhir(exchange, path.substring("/fhir/".length()), query(uri.getRawQuery()));
            } else if (path.equals("/record") && query(uri.getRawQuery()).containsKey("app")) {
                record(exchange, query(uri.getRawQuery()).get("app"));
            } else {
                send(exchange, 404, "application/json", "{}");
            }
        }
    }

    /**
     * The EHR's own page for a patient's record, showing an app in a 600 px frame beside it, as EHRs embed SMART apps.
     *
     * @param app the address the frame opens (the app's launch URL)
     */
    public String recordPage(String app) {
        return "http://localhost:" + server.getAddress().getPort() + "/record?app="
                + java.net.URLEncoder.encode(app, StandardCharsets.UTF_8);
    }

    private void record(HttpExchange exchange, String app) throws IOException {
        var escaped = app.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
        send(exchange, 200, "text/html; charset=utf-8", """
                <!DOCTYPE html>
                <html lang="en"><head><title>Stand-in EHR: patient record</title></head>
                <body style="margin:0;display:flex;font-family:sans-serif">
                <main style="flex:1;padding:1rem"><h1>Patient record</h1><p>The EHR's own view.</p></main>
                <iframe src="%s" title="Trialport" width="600" height="900" style="border:0"></iframe>
                </body></html>""".formatted(escaped));
    }

    private void smartConfiguration(HttpExchange exchange) throws IOException {
        var origin = "http://localhost:" + server.getAddress().getPort();
        var methods = offersPkce ? "[\"S256\"]" : "[]";
        send(exchange, 200, "application/json", """
                {"issuer":"%s","authorization_endpoint":"%s/authorize","token_endpoint":"%s/token",
                 "grant_types_supported":["authorization_code"],"code_challenge_methods_supported":%s,
                 "scopes_supported":["openid","fhirUser","launch","launch/patient","patient/*.rs"],
                 "capabilities":["launch-ehr","launch-standalone","client-public","context-ehr-patient",
                   "context-standalone-patient","permission-v2","sso-openid-connect"]}""".formatted(origin, origin, origin, methods));
    }

    private void authorize(HttpExchange exchange, Map<String, String> request) throws IOException {
        var redirect = request.get("redirect_uri");
        var state = request.get("state");
        String patient = null;
        String error = null;
        if (!"code".equals(request.get("response_type")) || redirect == null || state == null) {
            error = "invalid_request";
        } else if (!base().equals(request.get("aud"))) {
            error = "invalid_request";
        } else if (request.get("code_challenge") == null || !"S256".equals(request.get("code_challenge_method"))) {
            error = "invalid_request";
        } else if (request.get("launch") != null) {
            patient = launches.get(request.get("launch"));
        } else if (request.getOrDefault("scope", "").contains("launch/patient")) {
            patient = standalonePatient;
        }
        if (error == null && patient == null) {
            error = "access_denied";
        }
        String location;
        if (redirect == null) {
            send(exchange, 400, "text/plain", "no redirect_uri");
            return;
        }
        if (error != null) {
            location = redirect + "?error=" + error + (state == null ? "" : "&state=" + encode(state));
        } else {
            var code = UUID.randomUUID().toString();
            codes.put(
                    code,
                    Map.of(
                            "challenge", request.get("code_challenge"),
                            "redirect_uri", redirect,
                            "client_id", request.getOrDefault("client_id", ""),
                            "patient", patient,
                            "scope", request.getOrDefault("scope", "")));
            location = redirect + "?code=" + code + "&state=" + encode(state);
        }
        exchange.getResponseHeaders().set("Location", location);
        send(exchange, 302, "text/plain", "");
    }

    private void token(HttpExchange exchange, Map<String, String> form) throws IOException {
        tokenRequests.add(form);
        var grant = form.get("code") == null ? null : codes.remove(form.get("code"));
        var verifier = form.get("code_verifier");
        if (!"authorization_code".equals(form.get("grant_type"))
                || grant == null
                || !grant.get("redirect_uri").equals(form.get("redirect_uri"))
                || !grant.get("client_id").equals(form.get("client_id"))
                || verifier == null
                || !challenge(verifier).equals(grant.get("challenge"))) {
            send(exchange, 400, "application/json", "{\"error\":\"invalid_grant\"}");
            return;
        }
        var token = UUID.randomUUID() + "-" + UUID.randomUUID();
        tokens.put(token, grant.get("patient"));
        var idToken = base64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "."
                + base64("{\"iss\":\"%s\",\"sub\":\"dr-hansen\",\"aud\":\"%s\",\"fhirUser\":\"%s\"}"
                        .formatted(base(), form.get("client_id"), PRACTITIONER))
                + "." + base64("not-checked");
        send(exchange, 200, "application/json", """
                {"access_token":"%s","token_type":"Bearer","expires_in":3600,"scope":"%s","patient":"%s",
                 "id_token":"%s"}""".formatted(
                        token, grant.get("scope"), grant.get("patient"), idToken));
    }

    private void fhir(HttpExchange exchange, String path, Map<String, String> query) throws IOException {
        var authorization = exchange.getRequestHeaders().getFirst("Authorization");
        var patient = authorization == null || !authorization.startsWith("Bearer ")
                ? null
                : tokens.get(authorization.substring("Bearer ".length()));
        if (patient == null) {
            send(exchange, 401, "application/fhir+json", outcome("login", "A valid access token is needed"));
            return;
        }
        var json = FhirClients.CONTEXT.newJsonParser();
        if (path.startsWith("Patient/")) {
            var id = path.substring("Patient/".length());
            if (!id.equals(patient)) {
                send(exchange, 403, "application/fhir+json", outcome("forbidden", "Another patient"));
                return;
            }
            send(exchange, 200, "application/fhir+json", json.encodeResourceToString(patients.get(id)));
            return;
        }
        if ((path.equals("Condition") || path.equals("Observation"))) {
            if (!patient.equals(query.get("patient"))) {
                send(exchange, 403, "application/fhir+json", outcome("forbidden", "Another patient"));
                return;
            }
            var codes =
                    query.get("code") == null ? null : List.of(query.get("code").split(","));
            var bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET);
            records.getOrDefault(patient, List.of()).stream()
                    .filter(resource -> resource.fhirType().equals(path))
                    .filter(resource -> codes == null
                            || (resource instanceof Observation observation
                                    && observation.getCode().getCoding().stream()
                                            .anyMatch(c -> codes.contains(c.getSystem() + "|" + c.getCode()))))
                    .forEach(resource -> bundle.addEntry().setResource(resource));
            bundle.setTotal(bundle.getEntry().size());
            send(exchange, 200, "application/fhir+json", json.encodeResourceToString(bundle));
            return;
        }
        send(exchange, 404, "application/fhir+json", outcome("not-found", "Not served here"));
    }

    private static String outcome(String code, String text) {
        return "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\"" + code
                + "\",\"diagnostics\":\"" + text + "\"}]}";
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        var bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    private static Map<String, String> query(String raw) {
        var map = new LinkedHashMap<String, String>();
        if (raw == null || raw.isEmpty()) {
            return map;
        }
        for (var pair : raw.split("&")) {
            var at = pair.indexOf('=');
            var name = URLDecoder.decode(at < 0 ? pair : pair.substring(0, at), StandardCharsets.UTF_8);
            var value = at < 0 ? "" : URLDecoder.decode(pair.substring(at + 1), StandardCharsets.UTF_8);
            map.putIfAbsent(name, value);
        }
        return map;
    }

    /** PKCE S256: the base64url SHA-256 of the verifier. */
    public static String challenge(String verifier) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The authorization endpoint's address (for tests that call it without the app). */
    public URI authorizeEndpoint() {
        return URI.create("http://localhost:" + server.getAddress().getPort() + "/authorize");
    }
}
