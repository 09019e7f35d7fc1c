package dk.trialport.infra.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The servers keep their data under the platform home across restarts, and leave nothing running. */
class ServersTest {

    @TempDir
    Path home;

    @Test
    void postgresKeepsItsDataAcrossRestarts() throws Exception {
        var data = home.resolve("postgres/data");
        try (var postgres = PostgresServer.start(data, home.resolve("logs/postgres.log"), 0)) {
            var db = postgres.database();
            try (var connection = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password())) {
                connection
                        .createStatement()
                        .execute("CREATE TABLE kept (what TEXT); INSERT INTO kept VALUES ('first run')");
            }
        }
        try (var postgres = PostgresServer.start(data, home.resolve("logs/postgres.log"), 0)) {
            var db = postgres.database();
            try (var connection = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password())) {
                var rows = connection.createStatement().executeQuery("SELECT what FROM kept");
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("first run");
            }
        }
    }

    @Test
    void postgresIsDurable() throws Exception {
        try (var postgres = PostgresServer.start(home.resolve("postgres/data"), home.resolve("logs/postgres.log"), 0)) {
            var db = postgres.database();
            try (var connection = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password())) {
                assertThat(setting(connection, "fsync")).isEqualTo("on");
                assertThat(setting(connection, "synchronous_commit")).isEqualTo("on");
                assertThat(setting(connection, "full_page_writes")).isEqualTo("on");
            }
        }
    }

    @Test
    void everyCommittedWriteSurvivesACrashOfPostgres() throws Exception {
        var data = home.resolve("postgres/data");
        var log = home.resolve("logs/postgres.log");
        var committed = 0;
        try (var postgres = PostgresServer.start(data, log, 0)) {
            var db = postgres.database();
            try (var connection = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password())) {
                connection.createStatement().execute("CREATE TABLE acknowledged (n INT)");
                var insert = connection.prepareStatement("INSERT INTO acknowledged VALUES (?)");
                for (; committed < 500; committed++) {
                    insert.setInt(1, committed);
                    insert.executeUpdate();
                }
                crash(data);
            }
        } catch (Exception closingACrashedServer) {
            // the server is already gone; closing it may complain
        }
        try (var postgres = PostgresServer.start(data, log, 0)) {
            var db = postgres.database();
            try (var connection = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password())) {
                var rows = connection.createStatement().executeQuery("SELECT count(*) FROM acknowledged");
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(committed);
            }
        }
    }

    private static String setting(java.sql.Connection connection, String name) throws Exception {
        var rows = connection.createStatement().executeQuery("SHOW " + name);
        rows.next();
        return rows.getString(1);
    }

    /** An immediate shutdown, as PostgreSQL's own crash: SIGQUIT to the postmaster, no checkpoint. */
    private static void crash(Path data) throws Exception {
        var pid = Long.parseLong(java.nio.file.Files.readAllLines(data.resolve("postmaster.pid"))
                .getFirst()
                .strip());
        var postmaster = ProcessHandle.of(pid).orElseThrow();
        new ProcessBuilder("kill", "-QUIT", Long.toString(pid))
                .inheritIO()
                .start()
                .waitFor();
        postmaster.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
    }
}
