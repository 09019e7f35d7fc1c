package dk.trialport.infra.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Elasticsearch node from the published test distribution, unpacked once under the platform home, with
 * Trialport's analysis plugin installed, and run on loopback with security off: a single-node cluster, or one member
 * of a cluster of several nodes on this machine ({@link Membership}).
 */
final class ElasticsearchNode implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ElasticsearchNode.class);
    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(4);

    private final ChildProcess process;
    private final String url;

    private ElasticsearchNode(ChildProcess process, String url) {
        this.process = process;
        this.url = url;
    }

    static Path nodeDirectory(Path home) {
        return SearchNodeUser.nodeDirectory(home.toAbsolutePath().normalize().resolve("elasticsearch"));
    }

    /**
     * A node's place in a cluster of several nodes on this machine: each has its own directory, name and ports, and
     * finds the others on their transport ports.
     *
     * @param nodeName this node's name, one of {@code masterNodes}
     * @param transportPort this node's transport port
     * @param seedHosts every node's transport address ({@code 127.0.0.1:port})
     * @param masterNodes every master-eligible node's name: the first election happens among them
     */
    record Membership(String nodeName, int transportPort, List<String> seedHosts, List<String> masterNodes) {}

    static ElasticsearchNode start(PlatformArtifacts artifacts, Path directory, int httpPort, int heapMb) {
        return start(artifacts, directory, httpPort, heapMb, null);
    }

    static ElasticsearchNode start(
            PlatformArtifacts artifacts, Path directory, int httpPort, int heapMb, Membership membership) {
        requireJava21();
        var nodeDirectory = directory.toAbsolutePath().normalize();
        var distribution = unpack(artifacts, nodeDirectory);
        SearchAnalysisPlugin.install(artifacts.searchAnalysisPlugin(), distribution);
        var data = nodeDirectory.resolve("data");
        var logs = nodeDirectory.resolve("logs");
        var nodePidFile = nodeDirectory.resolve("elasticsearch.pid");
        try {
            Files.createDirectories(data);
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SearchNodeUser.takeOwnership(nodeDirectory);
        // the node's JVM gets its settings on stdin: its command line names only its home, in the node directory
        ChildProcess.stopLeftover("Elasticsearch", nodePidFile, distribution.toString());

        int port = FreePort.orFree(httpPort);
        var command = new ArrayList<>(SearchNodeUser.commandPrefix());
        command.addAll(List.of(
                distribution.resolve("bin/elasticsearch").toString(),
                "-E",
                "cluster.name=trialport",
                "-E",
                "xpack.security.enabled=false",
                "-E",
                "network.host=127.0.0.1",
                "-E",
                "http.port=" + port,
                "-E",
                "path.data=" + data,
                "-E",
                "path.logs=" + logs,
                "-E",
                "cluster.routing.allocation.disk.threshold_enabled=false",
                "-p",
                nodePidFile.toString()));
        if (membership == null) {
            command.addAll(List.of(
                    "-E", "node.name=trialport-embedded",
                    "-E", "discovery.type=single-node",
                    "-E", "transport.port=" + FreePort.orFree(0)));
        } else {
            command.addAll(List.of(
                    "-E", "node.name=" + membership.nodeName(),
                    "-E", "transport.port=" + membership.transportPort(),
                    "-E", "discovery.seed_hosts=" + String.join(",", membership.seedHosts()),
                    "-E", "cluster.initial_master_nodes=" + String.join(",", membership.masterNodes())));
        }
        var environment = Map.of(
                "ES_JAVA_HOME",
                System.getProperty("java.home"),
                "ES_JAVA_OPTS",
                "-Xms" + heapMb + "m -Xmx" + heapMb + "m");
        var console = nodeDirectory.resolve("logs/console.log");
        var process = ChildProcess.start(
                "Elasticsearch", command, nodeDirectory, console, nodeDirectory.resolve("launcher.pid"), environment);
        var url = "http://127.0.0.1:" + port;
        try {
            process.awaitHttpOk(url + "/_cluster/health?wait_for_status=yellow&timeout=1s", STARTUP_TIMEOUT, console);
        } catch (RuntimeException e) {
            process.close();
            throw e;
        }
        log.info(
                "Elasticsearch {} {}ready at {} (data in {})",
                artifacts.elasticsearchVersion(),
                membership == null ? "" : "node " + membership.nodeName() + " ",
                url,
                data);
        return new ElasticsearchNode(process, url);
    }

    String url() {
        return url;
    }

    @Override
    public void close() {
        process.close();
    }

    private static void requireJava21() {
        if (Runtime.version().feature() < 21) {
            throw new IllegalStateException("Elasticsearch 9 needs Java 21 or newer; this JVM is " + Runtime.version());
        }
    }

    /** Unpacks the distribution once; a marker file tells an earlier complete unpack from a broken one. */
    static Path unpack(PlatformArtifacts artifacts, Path nodeDirectory) {
        var distribution = nodeDirectory.resolve("elasticsearch-" + artifacts.elasticsearchVersion());
        var marker = distribution.resolve(".unpacked");
        if (Files.exists(marker)) {
            return distribution;
        }
        log.info("Unpacking Elasticsearch {} into {}", artifacts.elasticsearchVersion(), distribution);
        try (var zip = new ZipFile(artifacts.elasticsearchZip().toFile())) {
            Files.createDirectories(nodeDirectory);
            var entries = zip.entries();
            while (entries.hasMoreElements()) {
                var entry = entries.nextElement();
                var target = nodeDirectory.resolve(entry.getName()).normalize();
                if (!target.startsWith(nodeDirectory)) {
                    throw new IOException("zip entry outside the target directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (var in = zip.getInputStream(entry)) {
                    Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
                if (target.getParent().getFileName().toString().equals("bin")) {
                    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
            }
            Files.createFile(marker);
            return distribution;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not unpack " + artifacts.elasticsearchZip(), e);
        }
    }
}
