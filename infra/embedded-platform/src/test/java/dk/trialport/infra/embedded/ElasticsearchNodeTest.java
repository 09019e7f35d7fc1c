package dk.trialport.infra.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The real Elasticsearch node starts (as an unprivileged user when we are root) and stops completely. */
class ElasticsearchNodeTest {

  /** A stable place: as root the node may live outside it, and should be reused, not left behind per run. */
  private final Path home = Path.of("target/platform-test");

  @Test
  void startsAnswersAndLeavesNoProcessBehind() throws Exception {
    var artifacts = PlatformArtifacts.fromBuild();
    var nodeDirectory = ElasticsearchNode.nodeDirectory(home);
    long nodePid;
    try (var node = ElasticsearchNode.start(artifacts, nodeDirectory, 0, 512)) {
      var health = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(node.url() + "/_cluster/health")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.body()).contains("\"cluster_name\":\"trialport\"");
      nodePid = Long.parseLong(Files.readString(nodeDirectory.resolve("elasticsearch.pid")).trim());
      var owner = ProcessHandle.of(nodePid).orElseThrow().info().user().orElse("?");
      assertThat(owner).isEqualTo(SearchNodeUser.runningAsRoot() ? SearchNodeUser.NAME : System.getProperty("user.name"));
    }
    assertThat(ProcessHandle.of(nodePid).filter(ProcessHandle::isAlive)).isEmpty();
  }
}
