package dk.trialport.infra.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The real Elasticsearch node starts (as an unprivileged user when we are root) with Trialport's
 * analysis plugin, and stops completely.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ElasticsearchNodeTest {

    /** A stable place: as root the node may live outside it, and should be reused, not left behind per run. */
    private final Path home = Path.of("target/platform-test");

    private final HttpClient http = HttpClient.newHttpClient();
    private Path nodeDirectory;
    private ElasticsearchNode node;
    private long nodePid;

    @BeforeAll
    void start() throws Exception {
        nodeDirectory = ElasticsearchNode.nodeDirectory(home);
        node = ElasticsearchNode.start(PlatformArtifacts.fromBuild(), nodeDirectory, 0, 512);
        nodePid = Long.parseLong(
                Files.readString(nodeDirectory.resolve("elasticsearch.pid")).trim());
    }

    @AfterAll
    void stopsAndLeavesNoProcessBehind() {
        node.close();
        assertThat(ProcessHandle.of(nodePid).filter(ProcessHandle::isAlive)).isEmpty();
    }

    @Test
    void answersAsTheUnprivilegedUserWhenRoot() throws Exception {
        var health = send("GET", "/_cluster/health", null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"cluster_name\":\"trialport\"");
        var owner = ProcessHandle.of(nodePid).orElseThrow().info().user().orElse("?");
        assertThat(owner)
                .isEqualTo(SearchNodeUser.runningAsRoot() ? SearchNodeUser.NAME : System.getProperty("user.name"));
    }

    @Test
    void analyzesWithThePluginsFilters() throws Exception {
        assertThat(send("GET", "/_cat/plugins?h=component", null).body()).contains(SearchAnalysisPlugin.NAME);
        assertThat(analyze("""
        {"tokenizer":"standard","filter":["trialport_lowercase","trialport_danish_stem","trialport_fold"],"text":"Brystkræft"}""")).containsExactly("brystkraeft");
        var danish = """
        {"tokenizer":"standard","filter":["trialport_lowercase","trialport_danish_stop","trialport_fold","trialport_danish_stem"],"text":"%s"}""";
        assertThat(analyze(danish.formatted("Brystkræften i Århus"))).containsExactly("brystkraeft", "aarhus");
        assertThat(analyze(danish.formatted("brystkraeft paa aarhus"))).containsExactly("brystkraeft", "aarhus");
        assertThat(analyze("""
        {"tokenizer":"standard","filter":["trialport_lowercase","trialport_english_stop","trialport_fold","trialport_english_stem"],"text":"The cancers"}""")).containsExactly("cancer");
        assertThat(analyze("""
        {"analyzer":"trialport_danish","text":"Brystkræften"}""")).containsExactly("brystkraeft");
    }

    @Test
    void acceptsIndexSettingsWithCustomAnalyzersOfThePluginsFilters() throws Exception {
        var created = send("PUT", "/analysis-probe", """
        {"settings":{"analysis":{"analyzer":{
           "trialport_danish":{"type":"custom","tokenizer":"standard",
             "filter":["trialport_lowercase","trialport_danish_stop","trialport_fold","trialport_danish_stem"]},
           "trialport_english":{"type":"custom","tokenizer":"standard",
             "filter":["trialport_lowercase","trialport_english_stop","trialport_fold","trialport_english_stem"]},
           "trialport_folded":{"type":"custom","tokenizer":"standard","filter":["trialport_lowercase","trialport_fold"]}}}},
         "mappings":{"properties":{"title":{"type":"text","analyzer":"trialport_danish",
           "fields":{"en":{"type":"text","analyzer":"trialport_english"},"folded":{"type":"text","analyzer":"trialport_folded"}}}}}}""");
        try {
            assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
            send("PUT", "/analysis-probe/_doc/1?refresh=true", """
          {"title":"Brystkræft hos ældre i Århus"}""");
            for (var query : List.of("brystkraeft", "Brystkræften", "BRYSTKRAEFTER", "aeldre", "aarhus")) {
                assertThat(hits("title", query)).as(query).isEqualTo(1);
            }
            assertThat(hits("title.folded", "brystkraeft")).isEqualTo(1);
            assertThat(hits("title.folded", "brystkraeften")).isZero();
            send("PUT", "/analysis-probe/_doc/2?refresh=true", """
          {"title":"Treatment of breast cancers"}""");
            assertThat(hits("title.en", "cancer treatments")).isEqualTo(1);
        } finally {
            send("DELETE", "/analysis-probe", null);
        }
    }

    private int hits(String field, String query) throws Exception {
        var response = send("POST", "/analysis-probe/_search", """
        {"query":{"match":{"%s":"%s"}}}""".formatted(field, query));
        return JsonPath.read(response.body(), "$.hits.total.value");
    }

    private List<String> analyze(String body) throws Exception {
        var response = send("POST", "/_analyze", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JsonPath.read(response.body(), "$.tokens[*].token");
    }

    private HttpResponse<String> send(String method, String path, String json) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(node.url() + path))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
