package dk.trialport.search;

import static dk.trialport.support.OpenApiDescription.list;
import static dk.trialport.support.OpenApiDescription.map;
import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dk.trialport.catalogue.Outbox;
import dk.trialport.support.FhirClients;
import dk.trialport.support.OpenApiDescription;
import dk.trialport.support.TrialBuilder;
import dk.trialport.support.TrialportIntegrationTest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.UriUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI description is the contract: requests generated from it alone (each public operation's parameters
 * valid, missing, of the wrong type, out of bounds, repeated, with control characters, and unknown ones) against the
 * running portal. Every answer is below 500 with a documented status; every 4xx is a problem detail naming the
 * parameter; every 200 body has the documented fields and no others.
 */
@TrialportIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JsonApiContractIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> CONTROL_CHARACTERS = List.of("\u001f", "\u001e", "\n", "\u0000", "\u007f");

    @LocalServerPort
    int port;

    @Value("${trialport.identity.issuer}")
    String issuer;

    @Autowired
    Outbox outbox;

    @Autowired
    ElasticsearchClient elasticsearch;

    final OpenApiDescription description = OpenApiDescription.load();
    WebTestClient api;
    String publicTrial;
    String draft;

    /** One generated request: its parameters by place, and what must come back. */
    record Case(
            OpenApiDescription.Operation operation,
            String name,
            Map<String, List<String>> query,
            String id,
            Map<String, String> cookies,
            HttpMethod method,
            Expect expect,
            String parameter) {}

    /** What a case expects: a 200 with the documented body, a 4xx naming {@code parameter}, or any answer below 500. */
    enum Expect {
        OK,
        REFUSED,
        NOT_FOUND,
        BELOW_500
    }

    @BeforeAll
    void aCatalogueWithADraft() {
        SearchTestSupport.publish(port, issuer, SearchFixture.CATALOGUE);
        var hospital = FhirClients.hospital(port, issuer, FhirClients.ALL_SCOPES);
        var site = hospital.create()
                .resource(TrialBuilder.aSite())
                .execute()
                .getId()
                .toUnqualifiedVersionless();
        var study = TrialBuilder.registered("NCT07000001")
                .at(new IdType("Location", site.getIdPart()))
                .study();
        study.setStatus(ResearchStudy.ResearchStudyStatus.INREVIEW);
        draft = hospital.create().resource(study).execute().getId().getIdPart();
        SearchTestSupport.awaitIndexed(outbox, elasticsearch);
        api = SearchTestSupport.api(port);
        publicTrial = SearchTestSupport.search(api, uri -> uri.queryParam("size", "1"))
                .items()
                .get(0)
                .id();
    }

    @TestFactory
    Stream<DynamicTest> generatedRequestsKeepTheContract() {
        var cases = description.operations().stream()
                .filter(operation -> operation.method().equals("get") && isPublic(operation))
                .flatMap(operation -> cases(operation).stream())
                .toList();
        assertThat(cases.size()).as("generated requests").isBetween(150, 600);
        return cases.stream()
                .map(c -> DynamicTest.dynamicTest(
                        c.method() + " " + c.operation().path() + ": " + c.name(), () -> check(c)));
    }

    private boolean isPublic(OpenApiDescription.Operation operation) {
        var security =
                operation.spec().getOrDefault("security", description.root().get("security"));
        return security != null && list(security).isEmpty();
    }

    private List<Case> cases(OpenApiDescription.Operation operation) {
        var parameters = description.parameters(operation);
        var cases = new ArrayList<Case>();
        var base = new LinkedHashMap<String, List<String>>();
        parameters.stream()
                .filter(p -> "query".equals(p.get("in")) && Boolean.TRUE.equals(p.get("required")))
                .forEach(p -> base.put(name(p), List.of(valid(p))));
        var id = operation.path().contains("{id}") ? publicTrial : null;
        cases.add(new Case(operation, "valid", base, id, Map.of(), HttpMethod.GET, Expect.OK, null));
        cases.add(new Case(operation, "HEAD", base, id, Map.of(), HttpMethod.HEAD, Expect.OK, null));
        cases.add(new Case(
                operation,
                "unknown parameter",
                with(base, "colour", "blue"),
                id,
                Map.of(),
                HttpMethod.GET,
                Expect.REFUSED,
                "colour"));
        cases.add(new Case(
                operation,
                "control character in a name",
                with(base, "x\n", "1"),
                id,
                Map.of(),
                HttpMethod.GET,
                Expect.REFUSED,
                "x\n"));
        for (var parameter : parameters) {
            var name = name(parameter);
            var schema = description.resolve(map(parameter.get("schema")));
            switch ((String) parameter.get("in")) {
                case "query" -> cases.addAll(queryCases(operation, base, id, parameter, name, schema));
                case "path" -> cases.addAll(pathCases(operation, base, schema));
                case "cookie" -> {
                    cases.add(new Case(
                            operation,
                            name + " valid",
                            base,
                            id,
                            Map.of(name, valid(parameter)),
                            HttpMethod.GET,
                            Expect.OK,
                            null));
                    cases.add(new Case(
                            operation,
                            name + " not in the enum",
                            base,
                            id,
                            Map.of(name, "xx"),
                            HttpMethod.GET,
                            Expect.BELOW_500,
                            name));
                }
                default -> throw new AssertionError("unexpected parameter place " + parameter.get("in"));
            }
        }
        return cases;
    }

    private List<Case> queryCases(
            OpenApiDescription.Operation operation,
            Map<String, List<String>> base,
            String id,
            Map<String, Object> parameter,
            String name,
            Map<String, Object> schema) {
        var cases = new ArrayList<Case>();
        var valid = valid(parameter);
        var together = (String) parameter.get("x-together-with");
        if (valid != null) {
            var query = with(base, name, valid);
            if (together != null) {
                query = with(query, together, valid(parameterNamed(operation, together)));
                cases.add(new Case(
                        operation,
                        name + " without " + together,
                        with(base, name, valid),
                        id,
                        Map.of(),
                        HttpMethod.GET,
                        Expect.REFUSED,
                        null));
            }
            cases.add(new Case(operation, name + " valid", query, id, Map.of(), HttpMethod.GET, Expect.OK, null));
        }
        if (Boolean.TRUE.equals(parameter.get("required"))) {
            var without = new LinkedHashMap<>(base);
            without.remove(name);
            cases.add(new Case(
                    operation, name + " missing", without, id, Map.of(), HttpMethod.GET, Expect.REFUSED, name));
        }
        for (var invalid : invalidValues(schema).entrySet()) {
            cases.add(new Case(
                    operation,
                    name + " " + invalid.getKey(),
                    with(base, name, invalid.getValue()),
                    id,
                    Map.of(),
                    HttpMethod.GET,
                    Expect.REFUSED,
                    name));
        }
        if (!"array".equals(schema.get("type")) && valid != null) {
            var twice = new LinkedHashMap<>(base);
            twice.put(name, List.of(valid, valid));
            cases.add(new Case(operation, name + " twice", twice, id, Map.of(), HttpMethod.GET, Expect.REFUSED, name));
        }
        for (var character : CONTROL_CHARACTERS) {
            cases.add(new Case(
                    operation,
                    name + " with U+%04X".formatted((int) character.charAt(0)),
                    with(base, name, (valid == null ? "ab" : valid) + character + "x"),
                    id,
                    Map.of(),
                    HttpMethod.GET,
                    Expect.REFUSED,
                    name));
        }
        return cases;
    }

    private List<Case> pathCases(
            OpenApiDescription.Operation operation, Map<String, List<String>> base, Map<String, Object> schema) {
        var cases = new ArrayList<Case>();
        cases.add(new Case(
                operation, "id of no trial", base, "no-such-trial", Map.of(), HttpMethod.GET, Expect.NOT_FOUND, "id"));
        cases.add(new Case(operation, "id of a draft", base, draft, Map.of(), HttpMethod.GET, Expect.NOT_FOUND, "id"));
        assertThat(schema).containsKey("pattern");
        cases.add(new Case(
                operation,
                "id against the pattern",
                base,
                "not a trial!",
                Map.of(),
                HttpMethod.GET,
                Expect.REFUSED,
                "id"));
        cases.add(new Case(
                operation, "id too long", base, "a".repeat(65), Map.of(), HttpMethod.GET, Expect.REFUSED, "id"));
        for (var character : CONTROL_CHARACTERS) {
            // NUL, CR and LF in a path are refused by the firewall before anything knows the path's parameters.
            var named = character.charAt(0) > '\n' ? "id" : null;
            cases.add(new Case(
                    operation,
                    "id with U+%04X".formatted((int) character.charAt(0)),
                    base,
                    publicTrial + character,
                    Map.of(),
                    HttpMethod.GET,
                    Expect.REFUSED,
                    named));
        }
        return cases;
    }

    /** Values the schema rules out, by why. */
    private static Map<String, String> invalidValues(Map<String, Object> schema) {
        var invalid = new LinkedHashMap<String, String>();
        var type = schema.get("type");
        if ("number".equals(type) || "integer".equals(type)) {
            invalid.put("not a number", "many");
        }
        if ("integer".equals(type)) {
            invalid.put("not whole", "1.5");
        }
        if (schema.get("minimum") instanceof Number minimum) {
            invalid.put("below the minimum", number(minimum.doubleValue() - 1));
        }
        if (schema.get("maximum") instanceof Number maximum) {
            invalid.put("above the maximum", number(maximum.doubleValue() + 1));
        }
        if ("boolean".equals(type)) {
            invalid.put("not a boolean", "perhaps");
        }
        if ("date".equals(schema.get("format"))) {
            invalid.put("not a date", "31/12/2026");
        }
        if (schema.get("enum") != null) {
            invalid.put("not in the enum", "nonsense");
        }
        if (schema.get("pattern") instanceof String pattern) {
            invalid.put("against the pattern", "12a".matches(pattern) ? "x" : "12a");
        }
        if (schema.get("minLength") instanceof Number minLength) {
            invalid.put("too short", "a".repeat(minLength.intValue() - 1));
        }
        return invalid;
    }

    private void check(Case c) {
        var uri = new StringBuilder("http://localhost:" + port
                + c.operation().path().replace("{id}", c.id() == null ? "" : encode(c.id())));
        var separator = '?';
        for (var parameter : c.query().entrySet()) {
            for (var value : parameter.getValue()) {
                uri.append(separator)
                        .append(encode(parameter.getKey()))
                        .append('=')
                        .append(encode(value));
                separator = '&';
            }
        }
        EntityExchangeResult<byte[]> result = api.method(c.method())
                .uri(URI.create(uri.toString()))
                .cookies(cookies -> c.cookies().forEach(cookies::add))
                .exchange()
                .expectBody()
                .returnResult();
        int status = result.getStatus().value();
        var body = result.getResponseBody();
        var responses = map(c.operation().spec().get("responses"));
        assertThat(status).as("status of %s", uri).isLessThan(500);
        assertThat(responses)
                .as("documented statuses of %s for %s", c.operation().path(), uri)
                .containsKey(String.valueOf(status));
        switch (c.expect()) {
            case OK -> {
                assertThat(status).as("%s: %s", uri, text(body)).isEqualTo(200);
                if (c.method() == HttpMethod.HEAD) {
                    assertThat(body).as("HEAD has no body").isNullOrEmpty();
                } else {
                    var schema = description.responseSchema(c.operation(), "200", "application/json");
                    assertThat(description.departures(JSON.readValue(body, Object.class), schema))
                            .as("the body of %s against its schema", uri)
                            .isEmpty();
                }
            }
            case REFUSED, NOT_FOUND -> {
                assertThat(status).as("%s: %s", uri, text(body)).isEqualTo(c.expect() == Expect.NOT_FOUND ? 404 : 400);
                problem(result, status, c.parameter());
            }
            case BELOW_500 -> {
                if (status >= 400) {
                    problem(result, status, c.parameter());
                }
            }
        }
    }

    private static void problem(EntityExchangeResult<byte[]> result, int status, String parameter) {
        assertThat(result.getResponseHeaders().getContentType())
                .as("content type of %s", result.getUrl())
                .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        Map<String, Object> problem = map(JSON.readValue(result.getResponseBody(), Object.class));
        assertThat(problem)
                .as("problem of %s", result.getUrl())
                .containsEntry("status", status)
                .containsKey("detail");
        if (parameter != null) {
            assertThat(problem).as("problem of %s", result.getUrl()).containsEntry("parameter", parameter);
        }
    }

    private Map<String, Object> parameterNamed(OpenApiDescription.Operation operation, String name) {
        return description.parameters(operation).stream()
                .filter(p -> name.equals(p.get("name")))
                .findFirst()
                .orElseThrow();
    }

    private static String valid(Map<String, Object> parameter) {
        var example = parameter.get("example");
        if (example instanceof List<?> values) {
            return values.stream().map(String::valueOf).collect(Collectors.joining(","));
        }
        return example == null ? null : String.valueOf(example);
    }

    private static String name(Map<String, Object> parameter) {
        return (String) parameter.get("name");
    }

    private static Map<String, List<String>> with(Map<String, List<String>> query, String name, String value) {
        var copy = new LinkedHashMap<>(query);
        copy.put(name, List.of(value));
        return copy;
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    private static String encode(String text) {
        return UriUtils.encode(text, StandardCharsets.UTF_8);
    }

    private static String text(byte[] body) {
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }
}
