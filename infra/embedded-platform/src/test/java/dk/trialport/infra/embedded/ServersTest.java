package dk.trialport.infra.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The servers keep their data under the platform home across restarts, and leave nothing running. */
class ServersTest {

  @TempDir Path home;

  @Test
  void postgresKeepsItsDataAcrossRestarts() throws Exception {
    var data = home.resolve("postgres/data");
    try (var postgres = PostgresServer.start(data, home.resolve("logs/postgres.log"), 0)) {
      var db = postgres.database();
      try (var connection = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password())) {
        connection.createStatement().execute("CREATE TABLE kept (what TEXT); INSERT INTO kept VALUES ('first run')");
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
}
