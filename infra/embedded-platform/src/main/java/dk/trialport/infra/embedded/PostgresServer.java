package dk.trialport.infra.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A real PostgreSQL server from Maven Central's binaries, keeping its data under the platform home. */
final class PostgresServer implements AutoCloseable {

    /** The application's database on the embedded server. */
    public record Database(String host, int port, String name, String username, String password) {

        public String jdbcUrl() {
            return "jdbc:postgresql://" + host + ":" + port + "/" + name;
        }

        public String r2dbcUrl() {
            return "r2dbc:postgresql://" + host + ":" + port + "/" + name;
        }
    }

    static final String DATABASE = "trialport";
    static final String ROLE = "trialport";

    private static final Logger log = LoggerFactory.getLogger(PostgresServer.class);

    private final EmbeddedPostgres postgres;
    private final Database database;

    private PostgresServer(EmbeddedPostgres postgres, Database database) {
        this.postgres = postgres;
        this.database = database;
    }

    static PostgresServer start(Path dataDirectory, Path logFile, int port) {
        try {
            Files.createDirectories(dataDirectory.getParent());
            Files.createDirectories(logFile.getParent());
            var postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(FreePort.orFree(port))
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("max_connections", "100")
                    // zonky starts the server with -F (fsync off) and synchronous_commit=off: fine for a
                    // throw-away test database, not for one a hospital was told its writes are saved in.
                    // These -c options come after -F on the command line, so they win.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setRegisterShutdownHook(false)
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            var database = new Database("localhost", postgres.getPort(), DATABASE, ROLE, ROLE);
            createApplicationDatabase(postgres);
            log.info("PostgreSQL ready at {} (data in {})", database.jdbcUrl(), dataDirectory);
            return new PostgresServer(postgres, database);
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start", e);
        }
    }

    /** The application connects as its own role that owns only its own database. */
    private static void createApplicationDatabase(EmbeddedPostgres postgres) {
        try (var connection = postgres.getPostgresDatabase().getConnection();
                var statement = connection.createStatement()) {
            var roles = statement.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + ROLE + "'");
            if (!roles.next()) {
                statement.execute("CREATE ROLE " + ROLE + " LOGIN PASSWORD '" + ROLE + "'");
            }
            var databases = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'");
            if (!databases.next()) {
                statement.execute(
                        "CREATE DATABASE " + DATABASE + " OWNER " + ROLE + " ENCODING 'UTF8' TEMPLATE template0");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the application database", e);
        }
    }

    Database database() {
        return database;
    }

    @Override
    public void close() {
        try {
            postgres.close();
            log.info("PostgreSQL stopped");
        } catch (IOException e) {
            log.warn("PostgreSQL did not stop cleanly: {}", e.getMessage());
        }
    }
}
