package dk.trialport.clinician;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.web.server.WebSession;

/**
 * What the clinician app keeps between requests: the authorization request under way, then the launch with its access
 * token and the patient in context. It is held in this instance's memory only, never in a URL, a page, a cookie's
 * value, a log or PostgreSQL (where the login sessions live, {@code identity.PostgresSessions}): Trialport stores
 * nothing of the patient. The web session holds only a random handle to it, so another instance does not know the
 * launch and the doctor launches again (a load balancer keeps a browser on one instance where it can: docs/operations.md).
 * What is held goes when the doctor ends the launch or hands the browser to the patient, or after {@link #HELD_FOR}.
 */
final class SmartSession {

    private static final String HANDLE = SmartSession.class.getName() + ".handle";
    /** How long a launch is held at most, whatever its token's lifetime. */
    private static final Duration HELD_FOR = Duration.ofHours(12);

    private static final Map<String, Held> HELD = new ConcurrentHashMap<>();

    /** What one browser's session has under way or launched, and when it was put here. */
    private record Held(Pending pending, Launch launch, Instant since) {}
    /** How long a browser may stay at the EHR's authorization server before the answer is no longer taken. */
    private static final Duration PENDING_FOR = Duration.ofMinutes(10);

    private SmartSession() {}

    /** An authorization request sent to an EHR, waiting for its answer. Its secrets never leave the server. */
    record Pending(
            URI issuer,
            String tokenEndpoint,
            String state,
            String verifier,
            String redirectUri,
            boolean standalone,
            Instant started) {

        @Override
        public String toString() {
            return "Pending[" + issuer + "]";
        }
    }

    /**
     * A launch: the EHR's FHIR base URL, the access token, the patient in context and the practitioner.
     *
     * @param practitioner the ID token's {@code fhirUser} (e.g. {@code Practitioner/123})
     */
    record Launch(URI issuer, String accessToken, String patient, String practitioner, Instant expires) {

        boolean expired() {
            return Instant.now().isAfter(expires);
        }

        /** Never the token or the patient: a launch that finds its way into a log says only where it came from. */
        @Override
        public String toString() {
            return "Launch[" + issuer + "]";
        }
    }

    static void pending(WebSession session, Pending pending) {
        HELD.put(handle(session), new Held(pending, null, Instant.now()));
    }

    /** The request under way, taken out: a {@code state} is answered once. */
    static Optional<Pending> takePending(WebSession session) {
        var held = held(session);
        if (held == null || held.pending() == null) {
            return Optional.empty();
        }
        HELD.remove(handle(session));
        return Optional.of(held.pending())
                .filter(found -> found.started().plus(PENDING_FOR).isAfter(Instant.now()));
    }

    static void launched(WebSession session, Launch launch) {
        HELD.put(handle(session), new Held(null, launch, Instant.now()));
    }

    /** The current launch, unless its token has expired. */
    static Optional<Launch> launch(WebSession session) {
        var held = held(session);
        return Optional.ofNullable(held == null ? null : held.launch()).filter(launch -> !launch.expired());
    }

    static void forget(WebSession session) {
        var handle = (String) session.getAttributes().remove(HANDLE);
        if (handle != null) {
            HELD.remove(handle);
        }
    }

    /** This session's handle to what is held for it, made on first use (a random value, nothing of the patient). */
    private static String handle(WebSession session) {
        return (String) session.getAttributes()
                .computeIfAbsent(HANDLE, key -> UUID.randomUUID().toString());
    }

    private static Held held(WebSession session) {
        var cutoff = Instant.now().minus(HELD_FOR);
        HELD.values().removeIf(held -> held.since().isBefore(cutoff));
        var handle = (String) session.getAttributes().get(HANDLE);
        return handle == null ? null : HELD.get(handle);
    }
}
