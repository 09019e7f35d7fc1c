package dk.trialport.fhir;

import static dk.trialport.fhir.SideBySideReport.HAPI;
import static dk.trialport.fhir.SideBySideReport.TRIALPORT;

import ca.uhn.fhir.context.FhirContext;
import dk.trialport.demo.DemoTrialGenerator;
import dk.trialport.identity.IdentityProperties;
import dk.trialport.registry.ctgov.CtgovReader;
import dk.trialport.registry.ctgov.CtgovStudyMapper;
import dk.trialport.registry.ctgov.SiteFilter;
import dk.trialport.support.FhirClients;
import dk.trialport.support.SharedData;
import dk.trialport.support.Tokens;
import dk.trialport.support.TrialBuilder;
import dk.trialport.support.TrialportIntegrationTest;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.IntFunction;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

/**
 * Trialport next to the HAPI FHIR JPA server (the peer a hospital would otherwise run, {@code benchmark/peer-hapi},
 * its own process on its own database in the same embedded PostgreSQL): the same trials go into both as FHIR
 * transactions (ClinicalTrials.gov records from {@code ../shared/data/ctgov} through the project's own mapping,
 * then demo-generator trials), then the same FHIR requests run against both, interleaved in alternating blocks,
 * with 1 and 8 clients, through one plain JDK {@link HttpClient}. Writes {@code target/benchmark/report.md} and
 * {@code report.html}. Not part of {@code mvn verify}; see README, "Benchmarks".
 */
@TrialportIntegrationTest
class FhirSideBySideBenchmark {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final Pattern STUDY_LOCATION =
            Pattern.compile("\"location\"\\s*:\\s*\"(?:[^\"]*/)?ResearchStudy/([^/\"]+)");
    private static final Pattern NEXT_LINK =
            Pattern.compile("\"relation\"\\s*:\\s*\"next\"\\s*,\\s*\"url\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern SOFTWARE_VERSION =
            Pattern.compile("\"software\"\\s*:\\s*\\{[^}]*\"version\"\\s*:\\s*\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    IdentityProperties identity;

    @Autowired
    Environment environment;

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final SideBySideReport report = new SideBySideReport();
    private Map<String, String> base;
    private volatile String token;
    private volatile Instant tokenFetched = Instant.MIN;

    @Test
    void sameTrialsSameRequestsBothServers() throws Exception {
        int trials = Integer.getInteger("benchmark.trials", 60);
        int requests = Integer.getInteger("benchmark.requests", 40);
        var jdbc =
                URI.create(environment.getRequiredProperty("spring.flyway.url").substring("jdbc:".length()));
        var peerJar = Path.of(
                System.getProperty("benchmark.peer.jar", "../benchmark/peer-hapi/target/trialport-peer-hapi.jar"));
        var output = Path.of("target", "benchmark");

        System.out.printf("side by side: preparing %d trials …%n", trials);
        var bundles = bundles(trials);
        System.out.printf("  %d transaction bundles (%d from ClinicalTrials.gov)%n", bundles.size(), ctgovCount);

        System.out.println("side by side: starting the HAPI FHIR JPA server next to Trialport …");
        HapiPeerProcess.createDatabase(jdbc.getHost(), jdbc.getPort());
        try (var peer = HapiPeerProcess.start(
                peerJar, jdbc.getHost(), jdbc.getPort(), output.resolve("peer-hapi.log"), Duration.ofMinutes(10))) {
            base = Map.of(TRIALPORT, "http://localhost:" + port + "/fhir", HAPI, peer.baseUrl());
            conditionSearchParameter(peer);
            describeMachine(jdbc, peer);
            run(bundles, requests);
            report.environment(
                    "resident memory after the run",
                    "Trialport JVM (with the benchmark's client) "
                            + HapiPeerProcess.residentMegabytes(
                                    ProcessHandle.current().pid())
                            + " MB; HAPI peer JVM " + peer.residentMegabytes()
                            + " MB (PostgreSQL, shared, and Elasticsearch, Trialport's only, not counted)");
        }
        report.write(output);
        System.out.println("side by side: report in " + output.toAbsolutePath().resolve("report.md"));
        System.out.println(report.markdown());
    }

    private int ctgovCount;
    private final List<String> identifiers = new ArrayList<>();
    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Integer> statuses = new HashMap<>();
    private final Map<String, Integer> titleWords = new HashMap<>();

    /** The ClinicalTrials.gov records first, then demo trials, as JSON transaction bundles. */
    private List<String> bundles(int trials) throws IOException {
        var result = new ArrayList<String>();
        var mapper = new CtgovStudyMapper();
        var directory = SharedData.directory("ctgov");
        if (directory.isPresent()) {
            try (var files = Files.list(directory.get())) {
                for (var file : files.filter(f -> f.toString().endsWith(".json"))
                        .sorted()
                        .toList()) {
                    for (var study : CtgovReader.readAll(file)) {
                        if (result.size() < trials) {
                            result.add(json(mapper.toTransaction(study, SiteFilter.ALL)));
                        }
                    }
                }
            }
        }
        ctgovCount = result.size();
        var generator = new DemoTrialGenerator(14);
        for (int i = 0; result.size() < trials; i++) {
            result.add(json(generator.trial(900_000 + i)));
        }
        return result;
    }

    private String json(Bundle bundle) {
        for (var entry : bundle.getEntry()) {
            if (entry.getResource() instanceof ResearchStudy study) {
                var identifier = study.getIdentifierFirstRep();
                identifiers.add(identifier.getSystem() + "|" + identifier.getValue());
                study.getCondition().stream()
                        .flatMap(c -> c.getCoding().stream())
                        .filter(c -> c.hasSystem() && c.hasCode())
                        .findFirst()
                        .ifPresent(c -> conditions.add(c.getSystem() + "|" + c.getCode()));
                statuses.merge(study.getStatus().toCode(), 1, Integer::sum);
                for (var word : study.getTitle().toLowerCase().split("[^\\p{L}]+")) {
                    if (word.length() >= 6) {
                        titleWords.merge(word, 1, Integer::sum);
                    }
                }
            }
        }
        return FHIR.newJsonParser().encodeResourceToString(bundle);
    }

    private void run(List<String> bundles, int requests) {
        var studies = Map.of(
                TRIALPORT, Collections.synchronizedList(new ArrayList<String>()),
                HAPI, Collections.synchronizedList(new ArrayList<String>()));
        BiConsumer<String, String> collect = (server, body) -> {
            var matcher = STUDY_LOCATION.matcher(body);
            if (matcher.find()) {
                studies.get(server).add(matcher.group(1));
            }
        };
        int warmUp = Math.min(10, bundles.size() / 10);
        int half = warmUp + (bundles.size() - warmUp) / 2;
        System.out.printf("side by side: warm-up, %d transactions into each …%n", warmUp);
        measure(report.unrecorded("warm-up"), 1, 0, warmUp, call -> transaction(bundles.get(call.index())), collect);
        for (int clients : new int[] {1, 8}) {
            int from = clients == 1 ? warmUp : half;
            int to = clients == 1 ? half : bundles.size();
            System.out.printf("side by side: loading trials %d–%d with %d clients …%n", from, to, clients);
            measure(
                    report.line("transaction (one study with its sites)", clients, "POST / (transaction)", "same"),
                    clients,
                    from,
                    to,
                    call -> transaction(bundles.get(call.index())),
                    collect);
        }
        var status = statuses.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .orElseThrow()
                .getKey();
        var word = titleWords.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .orElseThrow()
                .getKey();
        var since = Instant.now().minus(Duration.ofDays(1)).toString().substring(0, 10);
        var nextPages = Map.of(
                TRIALPORT, nextPage(TRIALPORT, "/ResearchStudy?_sort=-_lastUpdated&_count=20"),
                HAPI, nextPage(HAPI, "/ResearchStudy?_sort=-_lastUpdated&_count=20"));
        report.note("Loaded: " + studies.get(TRIALPORT).size() + " trials into Trialport, "
                + studies.get(HAPI).size() + " into HAPI; status searched: " + status + "; text searched: \"" + word
                + "\".");
        report.note("Text search: Trialport answers _content from its search engine (words anywhere, fuzzy); the"
                + " HAPI JPA server with its default settings has no full-text index (Hibernate Search off), so its"
                + " text search is the string parameter title (matches titles that start with the word): the same"
                + " question, not the same answer.");
        report.note("Interleaving: each line runs in alternating blocks (Trialport, HAPI, HAPI, Trialport, …) of"
                + " 5 requests per client; throughput is requests / time spent in that server's blocks.");
        for (int clients : new int[] {1, 8}) {
            System.out.printf("side by side: measuring with %d clients …%n", clients);
            var created = new AtomicInteger();
            both(
                    "create Organization",
                    clients,
                    requests,
                    "POST /Organization",
                    i -> post(
                            "/Organization",
                            FHIR.newJsonParser()
                                    .encodeResourceToString(TrialBuilder.department(
                                            "SIDE-" + clients + "-" + created.incrementAndGet(), "Afdeling " + i))));
            both("read ResearchStudy", clients, requests, "GET /ResearchStudy/{id}", i -> {
                var list = studies.get(i.server());
                return get(
                        "/ResearchStudy/" + list.get(ThreadLocalRandom.current().nextInt(list.size())));
            });
            same(
                    "search identifier",
                    clients,
                    requests,
                    i -> "/ResearchStudy?identifier=" + encode(identifiers.get(i % identifiers.size())));
            same("search status", clients, requests, i -> "/ResearchStudy?status=" + status + "&_count=20");
            if (!conditions.isEmpty()) {
                same(
                        "search condition",
                        clients,
                        requests,
                        i -> "/ResearchStudy?condition=" + encode(conditions.get(i % conditions.size()))
                                + "&_count=20");
            }
            same("search date", clients, requests, i -> "/ResearchStudy?date=ge2020-01-01&_count=20");
            same(
                    "_lastUpdated range, sorted, page 1",
                    clients,
                    requests,
                    i -> "/ResearchStudy?_lastUpdated=ge" + since + "&_sort=-_lastUpdated&_count=20");
            both("_lastUpdated sorted, page 2 (next link)", clients, requests, "next link of page 1", i -> {
                var next = nextPages.get(i.server());
                return next == null ? get("/ResearchStudy?_count=0") : absolute(next);
            });
            same(
                    "_include sites",
                    clients,
                    requests,
                    i -> "/ResearchStudy?status=" + status + "&_include=ResearchStudy:site&_count=20");
            var line = report.line(
                    "text search",
                    clients,
                    "/ResearchStudy?_content=" + word + "&_count=20",
                    "/ResearchStudy?title=" + word + "&_count=20");
            measure(
                    line,
                    clients,
                    0,
                    requests,
                    i -> i.server().equals(TRIALPORT)
                            ? get("/ResearchStudy?_content=" + encode(word) + "&_count=20")
                            : get("/ResearchStudy?title=" + encode(word) + "&_count=20"),
                    (server, body) -> {});
        }
    }

    /**
     * R4 has no {@code condition} search parameter on ResearchStudy (Trialport defines its own); a hospital wanting
     * the same search on HAPI adds one, as here, before any trial is loaded.
     */
    private void conditionSearchParameter(HapiPeerProcess peer) throws Exception {
        var parameter = new org.hl7.fhir.r4.model.SearchParameter()
                .setUrl("https://trialport.dk/fhir/benchmark/SearchParameter/researchstudy-condition")
                .setName("condition")
                .setStatus(org.hl7.fhir.r4.model.Enumerations.PublicationStatus.ACTIVE)
                .setCode("condition")
                .setType(org.hl7.fhir.r4.model.Enumerations.SearchParamType.TOKEN)
                .setExpression("ResearchStudy.condition")
                .setDescription("The trial's conditions");
        parameter.addBase("ResearchStudy");
        var response = http.send(
                HttpRequest.newBuilder(URI.create(peer.baseUrl() + "/SearchParameter"))
                        .header("Content-Type", "application/fhir+json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                FHIR.newJsonParser().encodeResourceToString(parameter)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("HAPI refused the condition search parameter: " + response.body());
        }
        report.note("HAPI got one SearchParameter before loading: condition (token, ResearchStudy.condition), which R4"
                + " does not define and Trialport does; nothing else was changed.");
        Thread.sleep(15_000); // HAPI's search parameter cache refreshes on a timer
    }

    /** Which server and which request of the line. */
    record Call(String server, int index) {}

    private void same(String name, int clients, int count, IntFunction<String> path) {
        var example = path.apply(0);
        measure(
                report.line(name, clients, example, example),
                clients,
                0,
                count,
                call -> get(path.apply(call.index())),
                (server, body) -> {});
    }

    private void both(
            String name,
            int clients,
            int count,
            String description,
            java.util.function.Function<Call, Request> request) {
        measure(report.line(name, clients, description, description), clients, 0, count, request, (s, b) -> {});
    }

    /**
     * Runs requests {@code from}…{@code to} against both servers in alternating blocks of 5 per client, each block
     * with {@code clients} concurrent clients, and records every latency.
     */
    private void measure(
            SideBySideReport.Line line,
            int clients,
            int from,
            int to,
            java.util.function.Function<Call, Request> request,
            BiConsumer<String, String> onBody) {
        int block = 5 * clients;
        int total = to - from;
        var done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            int round = 0;
            for (int start = from; start < to; start += block, round++) {
                int end = Math.min(to, start + block);
                var order = round % 2 == 0 ? List.of(TRIALPORT, HAPI) : List.of(HAPI, TRIALPORT);
                for (var server : order) {
                    var figures = line.of(server);
                    var tasks = new ArrayList<Callable<Void>>();
                    for (int i = start; i < end; i++) {
                        var call = new Call(server, i);
                        tasks.add(() -> {
                            send(server, request.apply(call), figures, onBody);
                            return null;
                        });
                    }
                    long t0 = System.nanoTime();
                    pool.invokeAll(tasks);
                    figures.busyNanos += System.nanoTime() - t0;
                }
                int n = done.addAndGet(end - start);
                if (total >= 10 && (n * 10 / total) != ((n - (end - start)) * 10 / total)) {
                    System.out.printf("  %s, %d clients: %d/%d%n", line.name(), clients, n, total);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
        if (!line.name().equals("warm-up")) {
            System.out.println("BENCHMARK " + SideBySideReport.summary(line));
        }
    }

    /** A request to send to either server: its path below the base, or an absolute URL, and a body to POST. */
    record Request(String path, String body, boolean transaction) {}

    private static Request get(String path) {
        return new Request(path, null, false);
    }

    private static Request absolute(String url) {
        return new Request(url, null, false);
    }

    private static Request post(String path, String body) {
        return new Request(path, body, false);
    }

    private static Request transaction(String bundle) {
        return new Request("", bundle, true);
    }

    private void send(
            String server, Request request, SideBySideReport.Figures figures, BiConsumer<String, String> onBody) {
        var uri = request.path().startsWith("http") ? request.path() : base.get(server) + request.path();
        var builder = HttpRequest.newBuilder(URI.create(uri))
                .timeout(Duration.ofMinutes(2))
                .header("Accept", "application/fhir+json");
        if (server.equals(TRIALPORT)) {
            builder.header("Authorization", "Bearer " + token());
        }
        if (request.body() != null) {
            builder.header("Content-Type", "application/fhir+json")
                    .header("Prefer", "return=minimal")
                    .POST(HttpRequest.BodyPublishers.ofString(request.body()));
        }
        long t0 = System.nanoTime();
        try {
            var response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            long nanos = System.nanoTime() - t0;
            if (response.statusCode() / 100 == 2) {
                figures.nanos.add(nanos);
                onBody.accept(server, response.body());
            } else {
                figures.failed(response.statusCode() + " on " + uri.replace(base.get(server), "") + ": "
                        + response.body()
                                .substring(0, Math.min(300, response.body().length())));
            }
        } catch (IOException e) {
            figures.failed(e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The demo hospital system's token, fetched anew every two minutes (as {@link FhirClients} does). */
    private String token() {
        if (token == null || tokenFetched.plus(Duration.ofMinutes(2)).isBefore(Instant.now())) {
            synchronized (this) {
                if (token == null || tokenFetched.plus(Duration.ofMinutes(2)).isBefore(Instant.now())) {
                    token = Tokens.demoHospital(identity.issuer(), FhirClients.ALL_SCOPES);
                    tokenFetched = Instant.now();
                }
            }
        }
        return token;
    }

    private String nextPage(String server, String path) {
        var figures = new SideBySideReport.Figures();
        var next = new String[1];
        send(server, get(path), figures, (s, body) -> {
            var matcher = NEXT_LINK.matcher(body);
            if (matcher.find()) {
                next[0] = matcher.group(1);
            }
        });
        return next[0];
    }

    private void describeMachine(URI jdbc, HapiPeerProcess peer) throws Exception {
        var runtime = ManagementFactory.getRuntimeMXBean();
        report.environment("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
        report.environment(
                "memory",
                Files.readAllLines(Path.of("/proc/meminfo")).stream()
                        .filter(l -> l.startsWith("MemTotal"))
                        .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024 + " MB")
                        .findFirst()
                        .orElse("?"));
        report.environment("JDK", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        report.environment(
                "Trialport JVM",
                "in the test JVM with the embedded platform, as @TrialportIntegrationTest starts it; flags "
                        + runtime.getInputArguments().stream()
                                .filter(a -> a.startsWith("-X"))
                                .toList());
        try (var connection = DriverManager.getConnection(
                        "jdbc:postgresql://" + jdbc.getHost() + ":" + jdbc.getPort() + "/postgres", "postgres", "");
                var statement = connection.createStatement();
                var result = statement.executeQuery("SHOW server_version")) {
            result.next();
            report.environment("PostgreSQL", result.getString(1) + " (one server; databases trialport and hapi_peer)");
        }
        report.environment("Elasticsearch", elasticsearchVersion());
        var metadata = http.send(
                HttpRequest.newBuilder(URI.create(peer.baseUrl() + "/metadata")).build(),
                HttpResponse.BodyHandlers.ofString());
        var version = SOFTWARE_VERSION.matcher(metadata.body());
        report.environment(
                "HAPI FHIR JPA server",
                (version.find() ? version.group(1) : "?") + ", R4, PostgreSQL (HapiFhirPostgresDialect), HAPI's"
                        + " default JpaStorageSettings, heap " + System.getProperty("benchmark.peer.heap", "1g"));
        report.environment("started", Instant.now().toString());
    }

    /** The embedded node's version, as the embedded platform records it. */
    private static String elasticsearchVersion() {
        var properties = new java.util.Properties();
        try (var in = FhirSideBySideBenchmark.class.getResourceAsStream(
                "/dk/trialport/infra/embedded/artifacts.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            return "?";
        }
        return properties.getProperty("elasticsearch.version", "?");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
