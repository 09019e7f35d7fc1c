package dk.trialport.fhir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * The HAPI FHIR JPA server of {@code benchmark/peer-hapi} as a child process, on its own database
 * {@code hapi_peer} in the embedded PostgreSQL that Trialport uses (made afresh for each run through the
 * server's superuser, as the embedded server trusts local connections).
 */
final class HapiPeerProcess implements AutoCloseable {

    static final String DATABASE = "hapi_peer";

    private final Process process;
    private final String baseUrl;

    private HapiPeerProcess(Process process, String baseUrl) {
        this.process = process;
        this.baseUrl = baseUrl;
    }

    String baseUrl() {
        return baseUrl;
    }

    long pid() {
        return process.pid();
    }

    /** A fresh database for the peer on the PostgreSQL server at {@code host:port}. */
    static void createDatabase(String host, int port) {
        var url = "jdbc:postgresql://" + host + ":" + port + "/postgres";
        try (var connection = DriverManager.getConnection(url, "postgres", "");
                var statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            var roles = statement.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = 'hapi'");
            if (!roles.next()) {
                statement.execute("CREATE ROLE hapi LOGIN PASSWORD 'hapi'");
            }
            statement.execute("CREATE DATABASE " + DATABASE + " OWNER hapi ENCODING 'UTF8' TEMPLATE template0");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the peer's database", e);
        }
    }

    /** Starts the peer's jar with this JVM's java and waits until its capability statement answers. */
    static HapiPeerProcess start(Path jar, String host, int databasePort, Path log, Duration patience) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No peer at " + jar + ": build it first with"
                    + " `mvn -Pbenchmark -pl benchmark/peer-hapi package` (or pass -Dbenchmark.peer.jar=…)");
        }
        int port = freePort();
        var java = ProcessHandle.current().info().command().orElse("java");
        var command = List.of(
                java,
                "-Xmx" + System.getProperty("benchmark.peer.heap", "1g"),
                "-jar",
                jar.toString(),
                "--server.port=" + port,
                "--spring.datasource.url=jdbc:postgresql://" + host + ":" + databasePort + "/" + DATABASE,
                "--spring.datasource.username=hapi",
                "--spring.datasource.password=hapi");
        try {
            Files.createDirectories(log.getParent());
            var process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            var peer = new HapiPeerProcess(process, "http://localhost:" + port + "/fhir");
            peer.awaitReady(patience, log);
            return peer;
        } catch (IOException e) {
            throw new UncheckedIOException("The peer did not start", e);
        }
    }

    private void awaitReady(Duration patience, Path log) {
        var client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + patience.toNanos();
        long started = System.nanoTime();
        int dots = 0;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The peer stopped while starting; see " + log);
            }
            try {
                var response = client.send(
                        HttpRequest.newBuilder(URI.create(baseUrl + "/metadata"))
                                .timeout(Duration.ofSeconds(30))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    System.out.printf("  HAPI peer ready after %d s%n", (System.nanoTime() - started) / 1_000_000_000);
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (++dots % 10 == 0) {
                System.out.printf(
                        "  waiting for the HAPI peer (%d s) …%n", (System.nanoTime() - started) / 1_000_000_000);
            }
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        close();
        throw new IllegalStateException("The peer did not answer within " + patience + "; see " + log);
    }

    /** The resident memory of the peer's process in MB (Linux), or -1. */
    long residentMegabytes() {
        return residentMegabytes(process.pid());
    }

    static long residentMegabytes(long pid) {
        try {
            for (var line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux, or gone
        }
        return -1;
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
