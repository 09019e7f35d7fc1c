package dk.trialport.clinician;

import java.io.Serializable;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.web.server.WebSession;

/**
 * What the clinician app keeps between requests, in the server-side web session only (never in a URL, a page, a
 * cookie's value or a log; the session is stored in PostgreSQL, so it is serialisable): the authorization request under way, then the launch with its access token. Ending the
 * session (or handing the browser to the patient) forgets both.
 */
final class SmartSession {

    private static final String PENDING = SmartSession.class.getName() + ".pending";
    private static final String LAUNCH = SmartSession.class.getName() + ".launch";
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
            Instant started)
            implements Serializable {

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
    record Launch(URI issuer, String accessToken, String patient, String practitioner, Instant expires)
            implements Serializable {

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
        session.getAttributes().remove(LAUNCH);
        session.getAttributes().put(PENDING, pending);
    }

    /** The request under way, taken out of the session: a {@code state} is answered once. */
    static Optional<Pending> takePending(WebSession session) {
        var pending = (Pending) session.getAttributes().remove(PENDING);
        return Optional.ofNullable(pending)
                .filter(found -> found.started().plus(PENDING_FOR).isAfter(Instant.now()));
    }

    static void launched(WebSession session, Launch launch) {
        session.getAttributes().put(LAUNCH, launch);
    }

    /** The current launch, unless its token has expired. */
    static Optional<Launch> launch(WebSession session) {
        return Optional.ofNullable((Launch) session.getAttributes().get(LAUNCH)).filter(launch -> !launch.expired());
    }

    static void forget(WebSession session) {
        session.getAttributes().remove(PENDING);
        session.getAttributes().remove(LAUNCH);
    }
}
