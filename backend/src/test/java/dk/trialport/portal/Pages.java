package dk.trialport.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Fetching a page and checking what every page has, by plain string checks on the HTML. */
final class Pages {

    private static final Pattern HEADING = Pattern.compile("<h([1-6])[\\s>]");

    private Pages() {}

    static String get(WebTestClient client, String uri) {
        // The first page of a run compiles the templates; on a loaded two-core machine that takes longer than the
        // client's default 5 seconds.
        return client.mutate()
                .responseTimeout(java.time.Duration.ofSeconds(60))
                .build()
                .get()
                .uri(uri)
                .accept(MediaType.TEXT_HTML)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }

    /** The layout: skip link first, header with language switch, main, footer, and no missing text. */
    static void assertLayout(String html) {
        assertThat(html)
                .containsPattern("<body>\\s*<a class=\"skip-link\" href=\"#main-content\">")
                .contains("<header class=\"site-header\">")
                .contains("<a class=\"site-header__name\" href=\"/\">Trialport</a>")
                .containsPattern("href=\"\\?([^\"]*&amp;)?lang=da\"")
                .containsPattern("href=\"\\?([^\"]*&amp;)?lang=en\"")
                .contains("<main id=\"main-content\"")
                .contains("<footer class=\"site-footer\">")
                .contains("href=\"/tilgaengelighed\"")
                .contains("<link rel=\"stylesheet\" href=\"/css/trialport.css\"/>")
                .doesNotContain("??")
                .doesNotContain("th:");
    }

    static List<Integer> headingLevels(String html) {
        return HEADING.matcher(html)
                .results()
                .map(match -> Integer.parseInt(match.group(1)))
                .toList();
    }
}
