package dk.trialport.clinician;

import java.net.URI;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the clinician app ({@code trialport.clinician.*}).
 *
 * @param clientId the app's client id, as registered with each EHR's authorization server (a public client: PKCE, no
 *     secret)
 * @param trustedIssuers the FHIR base URLs ({@code iss}) of the EHRs that may launch the app; an {@code iss} that is
 *     not one of them (compared without a trailing slash) is refused before anything is fetched from it
 * @param anyIssuer with no trusted issuers listed, whether any http(s) address may launch the app (development and
 *     tests: true in {@code application.yaml}; false in {@code prod}, where an empty list lets no EHR launch it)
 *
 * @param distanceKm how far from the patient's home a site may be, in km
 * @param results how many trials the app lists at most
 */
@ConfigurationProperties("trialport.clinician")
public record ClinicianProperties(
        @DefaultValue("trialport-clinician") String clientId,
        @DefaultValue List<URI> trustedIssuers,
        @DefaultValue("false") boolean anyIssuer,
        @DefaultValue("150") int distanceKm,
        @DefaultValue("20") int results) {

    /** Whether an EHR at this FHIR base URL may launch the app. */
    boolean trusts(URI issuer) {
        if (!("https".equals(issuer.getScheme()) || "http".equals(issuer.getScheme())) || issuer.getHost() == null) {
            return false;
        }
        if (trustedIssuers.isEmpty()) {
            return anyIssuer;
        }
        var text = strip(issuer.toString());
        return trustedIssuers.stream().map(trusted -> strip(trusted.toString())).anyMatch(text::equals);
    }

    private static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
