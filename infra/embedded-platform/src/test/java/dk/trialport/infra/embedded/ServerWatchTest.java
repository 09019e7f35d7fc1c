package dk.trialport.infra.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM killed with {@code kill -9} leaves no server running: its servers are stopped by the watch, gently first,
 * so that the data is fine for the next start.
 */
class ServerWatchTest {

    @TempDir
    Path home;

    @Test
    void aJvmKilledWithKill9LeavesNoServerRunning() throws Exception {
        var data = home.resolve("postgres/data");
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var jvm = new ProcessBuilder(
                        java, "-cp", System.getProperty("java.class.path"), Parent.class.getName(), home.toString())
                .redirectErrorStream(true)
                .start();
        var output = new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = output.readLine()) != null && !line.equals(Parent.READY)) {
            // the child's log, until it says its server is up
        }
        assertThat(line).as("the JVM started its server").isEqualTo(Parent.READY);
        var postmaster = ProcessHandle.of(pid(data.resolve("postmaster.pid"))).orElseThrow();
        assertThat(postmaster.isAlive()).isTrue();

        jvm.destroyForcibly(); // SIGKILL: no shutdown hook runs
        assertThat(jvm.waitFor(30, TimeUnit.SECONDS)).isTrue();

        Awaitility.await("the server stops once its JVM is gone")
                .atMost(Duration.ofSeconds(ServerWatch.GRACE_SECONDS + 40))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> !postmaster.isAlive());
        assertThat(data.resolve("postmaster.pid"))
                .as("a clean shutdown, not a kill: PostgreSQL removed its pid file")
                .doesNotExist();
        try (var postgres = PostgresServer.start(data, home.resolve("logs/postgres.log"), 0)) {
            var db = postgres.database();
            try (var connection = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password())) {
                var rows = connection.createStatement().executeQuery("SELECT what FROM kept");
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("before the kill");
            }
        }
    }

    private static long pid(Path pidFile) throws Exception {
        return Long.parseLong(Files.readAllLines(pidFile).getFirst().strip());
    }

    /** The JVM that is killed: starts PostgreSQL with a watch, writes a row, says so and waits. */
    public static final class Parent {

        static final String READY = "server-watch-test: ready";

        public static void main(String[] args) throws Exception {
            var home = Path.of(args[0]);
            var data = home.resolve("postgres/data");
            var postgres = PostgresServer.start(data, home.resolve("logs/postgres.log"), 0);
            ServerWatch.start(List.of(new ServerWatch.Watched(data.resolve("postmaster.pid"), data.toString())));
            var db = postgres.database();
            try (var connection = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password())) {
                connection
                        .createStatement()
                        .execute("CREATE TABLE kept (what TEXT); INSERT INTO kept VALUES ('before the kill')");
            }
            System.out.println(READY);
            System.out.flush();
            Thread.currentThread().join();
        }
    }
}
