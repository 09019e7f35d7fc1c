package dk.trialport.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dk.trialport.catalogue.Outbox;
import dk.trialport.support.Eventually;
import dk.trialport.support.FhirClients;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.UriBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/** Loads the fixture catalogue through the FHIR API and asks the search API, as a reader would. */
final class SearchTestSupport {

    private SearchTestSupport() {}

    static void publish(int port, String issuer, List<SearchFixture.Spec> specs) {
        var client = FhirClients.hospital(port, issuer, FhirClients.ALL_SCOPES);
        specs.forEach(spec ->
                client.transaction().withBundle(SearchFixture.transaction(spec)).execute());
    }

    /** Waits until the indexer has taken every change, then makes the index show them. */
    static void awaitIndexed(Outbox outbox, ElasticsearchClient elasticsearch) {
        Eventually.await(() -> outbox.backlog(TrialIndexer.NAME).block() == 0, "the indexer catches up");
        try {
            elasticsearch.indices().refresh(r -> r.index("trials"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static WebTestClient api(int port) {
        return WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(30))
                .build();
    }

    static SearchPage search(WebTestClient api, Consumer<UriBuilder> parameters) {
        return api.get()
                .uri(builder -> {
                    builder.path("/api/v1/trials");
                    parameters.accept(builder);
                    return builder.build();
                })
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(SearchPage.class)
                .returnResult()
                .getResponseBody();
    }

    /** Text for a query string, percent-encoded as a browser sends it. */
    static String encode(String text) {
        return UriComponentsBuilder.fromPath("")
                .queryParam("q", text)
                .encode()
                .build()
                .getQuery()
                .substring(2);
    }

    /** A portal page (a path with its encoded query string), answered 200, parsed. */
    static Document page(WebTestClient api, int port, String path) {
        var html = api.get()
                .uri(URI.create("http://localhost:" + port + path))
                .accept(MediaType.TEXT_HTML)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        return Jsoup.parse(html);
    }

    /** The fixture keys of a page's trials, in order. */
    static List<String> keys(SearchPage page) {
        return page.items().stream()
                .map(item -> item.identifiers().stream()
                        .filter(id -> id.startsWith("SEARCH-"))
                        .findFirst()
                        .orElse(item.id())
                        .replace("SEARCH-", ""))
                .toList();
    }
}
