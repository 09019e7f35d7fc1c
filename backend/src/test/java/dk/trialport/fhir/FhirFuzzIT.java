package dk.trialport.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import dk.trialport.identity.IdentityProperties;
import dk.trialport.support.FhirClients;
import dk.trialport.support.Tokens;
import dk.trialport.support.TrialportIntegrationTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every malformed request of {@code fhir/r4/fuzz/cases.tsv}, sent as raw bytes: an answer within 60 s, never a 5xx,
 * the status the case expects, and an OperationOutcome with every 4xx.
 */
@TrialportIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FhirFuzzIT {

    private static final String CORPUS = "/fhir/r4/fuzz/";
    private static final Pattern LONG = Pattern.compile("\\{long:(\\d+)}");

    /** One row of the corpus. */
    record Case(String name, String auth, String method, String target, String headers, String body, String expect) {

        @Override
        public String toString() {
            return name;
        }
    }

    /** A raw HTTP answer. */
    record Answer(int status, String contentType, String body) {}

    @LocalServerPort
    int port;

    @Autowired
    IdentityProperties identity;

    String token;

    @BeforeAll
    void token() {
        token = Tokens.demoHospital(identity.issuer(), FhirClients.ALL_SCOPES);
    }

    static Stream<Case> cases() throws IOException {
        try (var in = FhirFuzzIT.class.getResourceAsStream(CORPUS + "cases.tsv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                            .lines()
                            .filter(line -> !line.isBlank() && !line.startsWith("#"))
                            .map(line -> line.split("\t", -1))
                            .map(c -> new Case(c[0], c[1], c[2], c[3], c[4], c[5], c[6]))
                            .toList()
                            .stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isAnsweredWithoutAServerErrorAndWithAnOperationOutcome(Case fuzz) throws IOException {
        var answer = send(fuzz);
        assertThat(answer.status())
                .as("status of " + fuzz.name() + ": " + answer.body())
                .isLessThan(500);
        if (fuzz.expect().endsWith("xx")) {
            assertThat(answer.status() / 100)
                    .as("status class of " + fuzz.name() + ": " + answer.body())
                    .isEqualTo(fuzz.expect().charAt(0) - '0');
        } else {
            assertThat(answer.status())
                    .as("status of " + fuzz.name() + ": " + answer.body())
                    .isEqualTo(Integer.parseInt(fuzz.expect()));
        }
        if (answer.status() >= 400) {
            assertThat(answer.contentType())
                    .as("content type of " + fuzz.name())
                    .startsWith("application/fhir+json");
            assertThat(answer.body()).as("body of " + fuzz.name()).contains("\"resourceType\":\"OperationOutcome\"");
        }
    }

    private Answer send(Case fuzz) throws IOException {
        var body = body(fuzz.body());
        var request = new ByteArrayOutputStream();
        var head = new StringBuilder(fuzz.method() + " " + expand(fuzz.target()) + " HTTP/1.1\r\n")
                .append("Host: localhost:")
                .append(port)
                .append("\r\nConnection: close\r\n");
        if (fuzz.auth().equals("token")) {
            head.append("Authorization: Bearer ").append(token).append("\r\n");
        }
        if (!fuzz.headers().equals("-")) {
            for (var header : fuzz.headers().split(";;")) {
                head.append(expand(header)).append("\r\n");
            }
        }
        if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        request.writeBytes(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
        if (body != null) {
            request.writeBytes(body);
        }
        try (var socket = new Socket("localhost", port)) {
            socket.setSoTimeout(60_000);
            socket.getOutputStream().write(request.toByteArray());
            socket.getOutputStream().flush();
            return read(socket.getInputStream());
        }
    }

    private static String expand(String text) {
        return LONG.matcher(text).replaceAll(m -> "a".repeat(Integer.parseInt(m.group(1))));
    }

    private static byte[] body(String spec) throws IOException {
        if (spec.equals("-")) {
            return null;
        }
        if (spec.startsWith("@gen:")) {
            return generated(spec.substring(5)).getBytes(StandardCharsets.UTF_8);
        }
        if (spec.startsWith("@")) {
            try (var in = FhirFuzzIT.class.getResourceAsStream(CORPUS + spec.substring(1))) {
                return in.readAllBytes();
            }
        }
        var bytes = new ByteArrayOutputStream();
        var utf8 = spec.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < utf8.length; i++) {
            if (utf8[i] == '\\' && i + 3 < utf8.length && utf8[i + 1] == 'x') {
                bytes.write(Integer.parseInt(new String(utf8, i + 2, 2, StandardCharsets.US_ASCII), 16));
                i += 3;
            } else {
                bytes.write(utf8[i]);
            }
        }
        return bytes.toByteArray();
    }

    /** Bodies too large to keep in the corpus: NAME-COUNT. */
    private static String generated(String name) {
        int dash = name.lastIndexOf('-');
        int count = Integer.parseInt(name.substring(dash + 1));
        List<String> entries = new ArrayList<>();
        IntStream.range(0, count)
                .forEach(i -> entries.add(
                        switch (name.substring(0, dash)) {
                            case "get" -> "{\"request\":{\"method\":\"GET\",\"url\":\"Organization/x" + i + "\"}}";
                            case "unresolved" -> organization(uuid(i), i == count - 1 ? uuid(count + 1) : null);
                            case "shared-fullurl" -> organization(uuid(0), null);
                            default -> throw new IllegalArgumentException(name);
                        }));
        return "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[" + String.join(",", entries) + "]}";
    }

    private static String organization(String fullUrl, String partOf) {
        return "{\"fullUrl\":\"" + fullUrl + "\",\"resource\":{\"resourceType\":\"Organization\",\"name\":\"Fuzz\""
                + (partOf == null ? "" : ",\"partOf\":{\"reference\":\"" + partOf + "\"}")
                + "},\"request\":{\"method\":\"POST\",\"url\":\"Organization\"}}";
    }

    private static String uuid(int i) {
        return String.format(Locale.ROOT, "urn:uuid:0b9d1c7e-2222-4a0a-9a39-%012d", i);
    }

    private static Answer read(InputStream in) throws IOException {
        var all = in.readAllBytes();
        var text = new String(all, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new UncheckedIOException(new IOException("no HTTP answer: " + text));
        }
        var lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        String contentType = "";
        boolean chunked = false;
        for (var line : lines) {
            var lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-type:")) {
                contentType = line.substring(13).strip();
            }
            chunked |= lower.startsWith("transfer-encoding:") && lower.contains("chunked");
        }
        var raw = java.util.Arrays.copyOfRange(all, end + 4, all.length);
        return new Answer(status, contentType, new String(chunked ? dechunk(raw) : raw, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(byte[] raw) {
        var out = new ByteArrayOutputStream();
        int at = 0;
        while (at < raw.length) {
            int lineEnd = at;
            while (lineEnd + 1 < raw.length && !(raw[lineEnd] == '\r' && raw[lineEnd + 1] == '\n')) {
                lineEnd++;
            }
            int size = Integer.parseInt(
                    new String(raw, at, lineEnd - at, StandardCharsets.US_ASCII).split(";")[0].strip(), 16);
            if (size == 0) {
                break;
            }
            out.write(raw, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }
}
