package dk.trialport.idp;

import java.util.Collection;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Matches a requested redirect URI against registered ones ignoring the port, for
 * {@code localhost} and loopback IP hosts only (RFC 8252 section 7.3, OAuth 2.1 section 8.4.2).
 */
final class LoopbackRedirectUris {

    private LoopbackRedirectUris() {}

    /** Whether {@code requested} is a loopback URI equal to one of {@code registered} except for the port. */
    static boolean matchesAnyPort(@Nullable String requested, Collection<String> registered) {
        UriComponents request = parse(requested);
        if (request == null || request.getFragment() != null || !isLoopback(request.getHost())) {
            return false;
        }
        for (String candidate : registered) {
            UriComponents registration = parse(candidate);
            if (registration != null
                    && Objects.equals(request.getScheme(), registration.getScheme())
                    && Objects.equals(request.getHost(), registration.getHost())
                    && Objects.equals(request.getUserInfo(), registration.getUserInfo())
                    && Objects.equals(request.getPath(), registration.getPath())
                    && Objects.equals(request.getQuery(), registration.getQuery())) {
                return true;
            }
        }
        return false;
    }

    static boolean isLoopback(@Nullable String host) {
        if (host == null) {
            return false;
        }
        return host.equalsIgnoreCase("localhost")
                || host.startsWith("127.")
                || host.equals("[::1]")
                || host.equals("[0:0:0:0:0:0:0:1]");
    }

    private static @Nullable UriComponents parse(@Nullable String uri) {
        if (uri == null || uri.isBlank()) {
            return null;
        }
        try {
            return UriComponentsBuilder.fromUriString(uri).build();
        } catch (IllegalArgumentException ex) {
            return null;
        }
    }
}
