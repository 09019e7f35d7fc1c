package dk.trialport.infra.embedded;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A test-only HTTP load balancer for the local cluster: round robin over the application instances that pass their
 * readiness check ({@code /actuator/health/readiness}, asked every {@link #CHECK_EVERY}), as a real load balancer or
 * Kubernetes does: an instance that refuses the connection or answers 503 is out at once, one that is only slow to
 * answer the check after {@link #SLOW_CHECKS} slow checks in a row. A request that could not be sent to an instance at all (connection refused: it is down, and the
 * check has not noticed yet) goes to the next one; one that was sent and then lost its connection (the instance died
 * while answering) is answered 502, since it may have been carried out. Headers pass through, with
 * {@code X-Forwarded-For/Proto/Host} added. Not for production: use the platform's own (an ingress).
 */
public final class LoadBalancer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LoadBalancer.class);
    static final Duration CHECK_EVERY = Duration.ofMillis(500);
    static final int SLOW_CHECKS = 3;
    /** Headers the JDK's client sets itself or that belong to one connection only. */
    private static final Set<String> HOP_BY_HOP = Set.of(
            "connection",
            "keep-alive",
            "proxy-connection",
            "transfer-encoding",
            "te",
            "trailer",
            "upgrade",
            "host",
            "content-length",
            "expect",
            "http2-settings");

    private final List<URI> backends;
    private final Set<URI> ready = ConcurrentHashMap.newKeySet();
    private final java.util.Map<URI, Integer> slowChecks = new ConcurrentHashMap<>();
    private final AtomicInteger next = new AtomicInteger();
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final HttpServer server;
    private final ScheduledExecutorService checks = Executors.newSingleThreadScheduledExecutor();

    private LoadBalancer(List<URI> backends, int port) throws IOException {
        this.backends = List.copyOf(backends);
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 512);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::forward);
    }

    /** Starts a load balancer on {@code port} (0: a free one) in front of {@code backends} (base URLs). */
    public static LoadBalancer start(List<URI> backends, int port) {
        try {
            var balancer = new LoadBalancer(backends, FreePort.orFree(port));
            balancer.checks.scheduleWithFixedDelay(balancer::check, 0, CHECK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
            balancer.server.start();
            log.info("Load balancer at {} in front of {}", balancer.url(), backends);
            return balancer;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("the load balancer did not start", e);
        }
    }

    public String url() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    /** The instances taking requests now. */
    public Set<URI> ready() {
        return Set.copyOf(ready);
    }

    private void check() {
        for (var backend : backends) {
            boolean up;
            try {
                up = client.send(
                                        HttpRequest.newBuilder(backend.resolve("/actuator/health/readiness"))
                                                .timeout(Duration.ofSeconds(2))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200;
                slowChecks.remove(backend);
            } catch (java.net.http.HttpTimeoutException e) {
                // busy rather than down: out only when it stays so
                up = slowChecks.merge(backend, 1, Integer::sum) < SLOW_CHECKS && ready.contains(backend);
            } catch (IOException e) {
                up = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (up && ready.add(backend)) {
                log.info("{} is ready: it gets requests", backend);
            } else if (!up && ready.remove(backend)) {
                log.info("{} is not ready: it gets no requests", backend);
            }
        }
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            var candidates = backends.stream().filter(ready::contains).toList();
            if (candidates.isEmpty()) {
                answer(exchange, 503, "no instance is ready");
                return;
            }
            int start = Math.floorMod(next.getAndIncrement(), candidates.size());
            for (int i = 0; i < candidates.size(); i++) {
                var backend = candidates.get((start + i) % candidates.size());
                HttpResponse<InputStream> response;
                try {
                    response = client.send(request(exchange, backend, body), HttpResponse.BodyHandlers.ofInputStream());
                } catch (java.net.ConnectException | java.net.http.HttpConnectTimeoutException e) {
                    ready.remove(backend);
                    continue; // never reached the instance: another may take it
                } catch (IOException e) {
                    answer(exchange, 502, "the instance ended the connection");
                    return;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    answer(exchange, 502, "interrupted");
                    return;
                }
                relay(exchange, response);
                return;
            }
            answer(exchange, 503, "no instance answered");
        }
    }

    private static HttpRequest request(HttpExchange exchange, URI backend, byte[] body) {
        var uri = backend.resolve(exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null
                        ? ""
                        : "?" + exchange.getRequestURI().getRawQuery()));
        var builder = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofMinutes(2))
                .method(
                        exchange.getRequestMethod(),
                        body.length == 0
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        var host = exchange.getRequestHeaders().getFirst("Host");
        builder.header(
                "X-Forwarded-For", exchange.getRemoteAddress().getAddress().getHostAddress());
        builder.header("X-Forwarded-Proto", "http");
        if (host != null) {
            builder.header("X-Forwarded-Host", host);
        }
        return builder.build();
    }

    private static void relay(HttpExchange exchange, HttpResponse<InputStream> response) throws IOException {
        response.headers().map().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                exchange.getResponseHeaders().put(name, values);
            }
        });
        var length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        boolean empty = length == 0
                || "HEAD".equals(exchange.getRequestMethod())
                || response.statusCode() == 204
                || response.statusCode() == 304;
        try (var in = response.body()) {
            exchange.sendResponseHeaders(response.statusCode(), empty ? -1 : Math.max(length, 0));
            if (!empty) {
                in.transferTo(exchange.getResponseBody());
            }
        }
    }

    private static void answer(HttpExchange exchange, int status, String text) throws IOException {
        var bytes = (status + " " + text + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        if (status == 503) {
            exchange.getResponseHeaders().set("Retry-After", "1");
        }
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        checks.shutdownNow();
        server.stop(1);
    }
}
