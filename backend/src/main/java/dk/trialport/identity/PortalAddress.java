package dk.trialport.identity;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where people reach the portal ({@code trialport.public-base-url}): the login's {@code redirect_uri} is built from
 * it, never from the request's {@code Host} header, which the caller chooses.
 *
 * @param publicBaseUrl scheme, host and port (and a path, behind a proxy that adds one), without a trailing slash
 */
@ConfigurationProperties("trialport")
public record PortalAddress(
        @DefaultValue("http://localhost:8080") URI publicBaseUrl) {

    public PortalAddress {
        var scheme = publicBaseUrl.getScheme();
        if (!("http".equals(scheme) || "https".equals(scheme))
                || publicBaseUrl.getHost() == null
                || publicBaseUrl.getRawQuery() != null
                || publicBaseUrl.getRawFragment() != null) {
            throw new IllegalArgumentException(
                    "trialport.public-base-url must be an http(s) address without query or fragment, not "
                            + publicBaseUrl);
        }
        var text = publicBaseUrl.toString();
        publicBaseUrl = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    }

    /** The portal's address of {@code path} (which starts with a slash). */
    public String resolve(String path) {
        return publicBaseUrl + path;
    }
}
