package dk.trialport.fhir;

import dk.trialport.catalogue.StoredResource;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** Weak ETags {@code W/"n"} carry the version; {@code If-Match} names the version a change expects. */
final class ETags {

    private static final Pattern VERSION = Pattern.compile("^(?:W/)?\"?(\\d+)\"?$");

    private ETags() {}

    static String of(int version) {
        return "W/\"" + version + "\"";
    }

    static HttpHeaders headers(StoredResource stored) {
        var headers = new HttpHeaders();
        headers.setETag(of(stored.version()));
        headers.setLastModified(stored.lastUpdated());
        return headers;
    }

    /** The version an {@code If-Match} header expects, or null without one. */
    static Integer version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        var matcher = VERSION.matcher(ifMatch.trim());
        if (!matcher.matches()) {
            throw new FhirProblem(
                    HttpStatus.BAD_REQUEST, "value", "If-Match must be a version ETag like W/\"3\"", null);
        }
        return Integer.valueOf(matcher.group(1));
    }
}
