package dk.trialport.identity;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Pages another site may show inside its own page ({@code trialport.framing.*}): the clinician app in the narrow
 * frame an EHR gives an app. Every other page may not be framed at all.
 *
 * <p>A framed page is a cross-site frame, where a browser sends the session cookie only when it is {@code
 * SameSite=None; Secure} (and, where third-party cookies are blocked, {@code Partitioned}); an installation that lists
 * ancestors sets {@code server.reactive.session.cookie.same-site=none}, {@code secure=true} and {@code
 * partitioned=true} with it (docs/clinician-app.md).
 *
 * @param paths the path patterns of the pages that may be framed
 * @param ancestors the origins that may frame them ({@code https://ehr.example.dk}); none (the default) lets no other
 *     site frame any page
 */
@ConfigurationProperties("trialport.framing")
public record FramedPages(
        @DefaultValue("/klinik/**") List<String> paths,
        @DefaultValue List<String> ancestors) {

    /** The {@code frame-ancestors} directive for a page that may be framed. */
    String frameAncestors() {
        return ancestors.isEmpty() ? "'none'" : "'self' " + String.join(" ", ancestors);
    }
}
