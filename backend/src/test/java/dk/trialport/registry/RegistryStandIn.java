package dk.trialport.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * A local HTTP server that answers like ClinicalTrials.gov's API v2 ({@code GET /api/v2/studies}: {@code pageSize},
 * opaque {@code pageToken}s, {@code nextPageToken}, {@code totalCount}, {@code filter.advanced} on the last update
 * date) and CTIS's public API ({@code POST /ctis-public-api/search} with {@code pagination.page} from 1, {@code GET
 * /ctis-public-api/retrieve/{ctNumber}}), from the records a test gives it. A test can make a page answer an error
 * (a status, with {@code Retry-After} for a 429) a number of times before it answers properly, and reads every request
 * it got.
 */
final class RegistryStandIn {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SINCE =
            Pattern.compile("AREA\\[LastUpdatePostDate]RANGE\\[(\\d{4}-\\d{2}-\\d{2}),MAX]");

    /** A request it got: when, the page it asked for (1 the first), the query, and what it answered. */
    record Request(Instant at, String path, int page, Map<String, String> query, int status) {}

    private record Failure(int status, String retryAfter) {}

    private final HttpServer server;
    private volatile List<JsonNode> studies = List.of();
    private volatile List<JsonNode> trials = List.of();
    private final Map<Integer, Deque<Failure>> failures = new ConcurrentHashMap<>();
    private final Set<String> unpublished = ConcurrentHashMap.newKeySet();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    RegistryStandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/v2/studies", this::ctgov);
        server.createContext("/ctis-public-api/search", this::ctisSearch);
        server.createContext("/ctis-public-api/retrieve/", this::ctisRetrieve);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Serves these ClinicalTrials.gov studies and CTIS trials from now on, forgets failures and requests. */
    synchronized void serve(List<JsonNode> studies, List<JsonNode> trials) {
        this.studies = List.copyOf(studies);
        this.trials = List.copyOf(trials);
        failures.clear();
        unpublished.clear();
        requests.clear();
    }

    /** CTIS's search keeps listing this trial, but reading it answers 404, as after it was taken off publication. */
    void unpublish(String ctNumber) {
        unpublished.add(ctNumber);
    }

    /** Page {@code page} (1 the first) answers {@code status} the next {@code times} times it is asked. */
    void fail(int page, int status, String retryAfter, int times) {
        var queue = failures.computeIfAbsent(page, p -> new ArrayDeque<>());
        synchronized (queue) {
            for (int i = 0; i < times; i++) {
                queue.add(new Failure(status, retryAfter));
            }
        }
    }

    /** Every page answers properly again. */
    void heal() {
        failures.clear();
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    void clearRequests() {
        requests.clear();
    }

    private void ctgov(HttpExchange exchange) throws IOException {
        var query = query(exchange.getRequestURI().getRawQuery());
        int size = Integer.parseInt(query.getOrDefault("pageSize", "10"));
        int offset = query.containsKey("pageToken") ? offset(query.get("pageToken")) : 0;
        int page = offset / size + 1;
        if (failed(exchange, "/api/v2/studies", page, query)) {
            return;
        }
        var found = new ArrayList<JsonNode>();
        var since = query.containsKey("filter.advanced") ? since(query.get("filter.advanced")) : null;
        for (var study : studies) {
            var updated = study.path("protocolSection")
                    .path("statusModule")
                    .path("lastUpdatePostDateStruct")
                    .path("date")
                    .asText("");
            if (since == null
                    || (!updated.isEmpty() && !LocalDate.parse(updated).isBefore(since))) {
                found.add(study);
            }
        }
        var answer = JSON.createObjectNode();
        if ("true".equals(query.get("countTotal"))) {
            answer.put("totalCount", found.size());
        }
        var array = answer.putArray("studies");
        found.subList(Math.min(offset, found.size()), Math.min(offset + size, found.size()))
                .forEach(array::add);
        if (offset + size < found.size()) {
            answer.put("nextPageToken", token(offset + size));
        }
        respond(exchange, "/api/v2/studies", page, query, 200, null, answer);
    }

    private void ctisSearch(HttpExchange exchange) throws IOException {
        var body = JSON.readTree(exchange.getRequestBody());
        int page = body.path("pagination").path("page").asInt(1);
        int size = body.path("pagination").path("size").asInt(20);
        var query = Map.of("page", String.valueOf(page), "size", String.valueOf(size));
        if (failed(exchange, "/ctis-public-api/search", page, query)) {
            return;
        }
        var answer = JSON.createObjectNode();
        var data = answer.putArray("data");
        int from = (page - 1) * size;
        for (var trial : trials.subList(Math.min(from, trials.size()), Math.min(from + size, trials.size()))) {
            data.addObject()
                    .put("ctNumber", trial.path("ctNumber").asText())
                    .put("ctTitle", trial.path("title").asText());
        }
        int pages = (trials.size() + size - 1) / size;
        ((ObjectNode) answer.putObject("pagination"))
                .put("currentPage", page)
                .put("size", size)
                .put("totalPages", pages)
                .put("totalRecords", trials.size())
                .put("nextPage", page < pages)
                .put("previousPage", page > 1);
        respond(exchange, "/ctis-public-api/search", page, query, 200, null, answer);
    }

    private void ctisRetrieve(HttpExchange exchange) throws IOException {
        var path = exchange.getRequestURI().getPath();
        var ctNumber = path.substring(path.lastIndexOf('/') + 1);
        var trial = trials.stream()
                .filter(t -> t.path("ctNumber").asText().equals(ctNumber))
                .findFirst();
        if (trial.isEmpty() || unpublished.contains(ctNumber)) {
            respond(exchange, path, 0, Map.of(), 404, null, JSON.createObjectNode());
        } else {
            respond(exchange, path, 0, Map.of(), 200, null, trial.get());
        }
    }

    private boolean failed(HttpExchange exchange, String path, int page, Map<String, String> query) throws IOException {
        var queue = failures.get(page);
        Failure failure = null;
        if (queue != null) {
            synchronized (queue) {
                failure = queue.poll();
            }
        }
        if (failure == null) {
            return false;
        }
        var problem = JSON.createObjectNode().put("error", "stand-in failure " + failure.status());
        respond(exchange, path, page, query, failure.status(), failure.retryAfter(), problem);
        return true;
    }

    private void respond(
            HttpExchange exchange,
            String path,
            int page,
            Map<String, String> query,
            int status,
            String retryAfter,
            JsonNode body)
            throws IOException {
        requests.add(new Request(Instant.now(), path, page, query, status));
        var bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        if (retryAfter != null) {
            exchange.getResponseHeaders().add("Retry-After", retryAfter);
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> query(String raw) {
        var query = new LinkedHashMap<String, String>();
        if (raw == null) {
            return query;
        }
        for (var pair : raw.split("&")) {
            var parts = pair.split("=", 2);
            query.put(
                    URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                    parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
        }
        return query;
    }

    private static LocalDate since(String advanced) {
        var matcher = SINCE.matcher(advanced);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("filter.advanced the stand-in does not know: " + advanced);
        }
        return LocalDate.parse(matcher.group(1));
    }

    /** An opaque token, as the real API's are. */
    private static String token(int offset) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("offset:" + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static int offset(String token) {
        var text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        return Integer.parseInt(text.substring("offset:".length()));
    }
}
