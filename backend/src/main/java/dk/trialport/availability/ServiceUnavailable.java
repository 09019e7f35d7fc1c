package dk.trialport.availability;

import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * A request could not be answered because {@link #dependency()} is down: a 503 with {@code Retry-After}, never a 500.
 * Nothing the request asked for was done (a write's transaction did not commit), so the client may send it again.
 */
public final class ServiceUnavailable extends ResponseStatusException {

    /** How long a client is asked to wait before trying again. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(10);

    private final Dependency dependency;
    private final String why;

    public ServiceUnavailable(Dependency dependency, Throwable cause) {
        super(
                HttpStatus.SERVICE_UNAVAILABLE,
                dependency.title() + " is unavailable right now; try again in " + RETRY_AFTER.toSeconds() + " seconds",
                cause);
        this.dependency = dependency;
        this.why = Outages.rootCause(cause);
    }

    public Dependency dependency() {
        return dependency;
    }

    /** What went wrong underneath, in one line for the log (the root cause's type and message). */
    public String why() {
        return why;
    }

    /** The seconds of {@code Retry-After}. */
    public static String retryAfterSeconds() {
        return Long.toString(RETRY_AFTER.toSeconds());
    }

    @Override
    public HttpHeaders getHeaders() {
        var headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, retryAfterSeconds());
        return headers;
    }

    /** The log line of a request answered with this: what and why, no stack trace. */
    public String logLine(Object method, Object path) {
        return method + " " + path + " answered 503: " + dependency.title() + " is unavailable (" + why + ")";
    }
}
