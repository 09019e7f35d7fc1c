package dk.trialport.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;

/**
 * JSON over HTTP to a registry's public API, as a polite client: at most so many requests a minute (spaced evenly),
 * a failed request (5xx, no answer) tried again after a wait that doubles, and a 429 answered by waiting what its
 * {@code Retry-After} asks (seconds or a date). After the last retry it gives up with a {@link Failure}.
 */
public final class SyncHttp {

    private static final Logger log = LoggerFactory.getLogger(SyncHttp.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebClient client;
    private final Duration spacing;
    private final SyncProperties.Retry retry;
    private final Duration timeout;
    private Instant nextAllowed = Instant.EPOCH;

    /** A request that failed for good: its status (0: no answer) and what was asked. */
    public static final class Failure extends RuntimeException {
        private final int status;

        Failure(String message, Throwable cause) {
            this(message, 0, cause);
        }

        Failure(String message, int status, Throwable cause) {
            super(message, cause);
            this.status = status;
        }

        /** Whether the registry answered that what was asked is not there (404 or 410). */
        public boolean notFound() {
            return status == 404 || status == 410;
        }
    }

    SyncHttp(WebClient client, int requestsPerMinute, SyncProperties.Retry retry, Duration timeout) {
        this.client = client;
        this.spacing = Duration.ofMillis(60_000L / Math.max(1, requestsPerMinute));
        this.retry = retry;
        this.timeout = timeout;
    }

    public JsonNode get(URI uri) {
        return exchange(HttpMethod.GET, uri, null);
    }

    public JsonNode post(URI uri, JsonNode body) {
        return exchange(HttpMethod.POST, uri, body);
    }

    private record Answer(int status, String retryAfter, String body) {}

    private JsonNode exchange(HttpMethod method, URI uri, JsonNode body) {
        for (int attempt = 0; ; attempt++) {
            Answer answer;
            try {
                answer = send(method, uri, body);
            } catch (WebClientRequestException | IllegalStateException e) {
                // no connection, a broken one, or no answer within the timeout (block's IllegalStateException)
                answer = new Answer(0, null, e.getMessage());
            }
            if (answer.status() >= 200 && answer.status() < 300) {
                return parse(uri, answer.body());
            }
            boolean retriable = answer.status() == 0 || answer.status() == 429 || answer.status() >= 500;
            var what = answer.status() == 0 ? "no answer" : "status " + answer.status();
            if (!retriable || attempt >= retry.maxRetries()) {
                throw new Failure(
                        method + " " + uri.getPath() + " failed (" + what + ") after " + (attempt + 1) + " tries",
                        answer.status(),
                        null);
            }
            var wait = answer.status() == 429 && answer.retryAfter() != null
                    ? retryAfter(answer.retryAfter(), backoff(attempt))
                    : backoff(attempt);
            log.info("{} {}: {}, trying again in {} ms", method, uri.getPath(), what, wait.toMillis());
            sleep(wait);
        }
    }

    private Answer send(HttpMethod method, URI uri, JsonNode body) {
        pace();
        var request = client.method(method).uri(uri).accept(MediaType.APPLICATION_JSON);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).bodyValue(body.toString());
        }
        return request.exchangeToMono(response -> response.bodyToMono(String.class)
                        .defaultIfEmpty("")
                        .map(text -> new Answer(
                                response.statusCode().value(),
                                response.headers().asHttpHeaders().getFirst("Retry-After"),
                                text)))
                .block(timeout);
    }

    /** Waits until the next request is allowed by the rate limit. */
    private synchronized void pace() {
        var now = Instant.now();
        if (now.isBefore(nextAllowed)) {
            sleep(Duration.between(now, nextAllowed));
            now = nextAllowed;
        }
        nextAllowed = now.plus(spacing);
    }

    private Duration backoff(int attempt) {
        var wait = retry.firstBackoff().multipliedBy(1L << Math.min(attempt, 20));
        return wait.compareTo(retry.maxBackoff()) > 0 ? retry.maxBackoff() : wait;
    }

    /** {@code Retry-After} as seconds or an HTTP date, at most the longest backoff; the fallback when unreadable. */
    Duration retryAfter(String header, Duration fallback) {
        Duration wait;
        try {
            wait = Duration.ofSeconds(Long.parseLong(header.strip()));
        } catch (NumberFormatException notSeconds) {
            try {
                wait = Duration.between(
                        Instant.now(), ZonedDateTime.parse(header.strip(), DateTimeFormatter.RFC_1123_DATE_TIME));
            } catch (DateTimeParseException notDate) {
                return fallback;
            }
        }
        if (wait.isNegative()) {
            return Duration.ZERO;
        }
        return wait.compareTo(retry.maxBackoff()) > 0 ? retry.maxBackoff() : wait;
    }

    private static JsonNode parse(URI uri, String body) {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new Failure("The answer to " + uri.getPath() + " is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure("Interrupted while waiting to try again", e);
        }
    }
}
