package dk.trialport.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dk.trialport.TrialportApplication;
import dk.trialport.infra.embedded.EmbeddedPlatform;
import dk.trialport.support.FhirClients;
import dk.trialport.support.PortalPort;
import dk.trialport.support.Tokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Shutting the application down (what SIGTERM does: Spring closes the context) while a write is in flight: the
 * write still gets its 201 and is stored, new requests are no longer taken, and the close waits for it. The database
 * stays up meanwhile: the embedded platform stops only after every application context has closed (a Spring Boot
 * shutdown handler, not a JVM shutdown hook of its own).
 */
class GracefulShutdownIT {

    private static final String ORGANIZATION =
            "{\"resourceType\":\"Organization\",\"name\":\"Aarhus Universitetshospital, Endokrinologi\"}";

    @Test
    void aWriteInFlightWhenTheApplicationStopsIsAnsweredAndStored() throws Exception {
        var application = new SpringApplicationBuilder(TrialportApplication.class)
                .initializers(new PortalPort())
                .run();
        try {
            writeWhileClosing(application);
        } finally {
            application.close();
        }
    }

    private static void writeWhileClosing(ConfigurableApplicationContext application) throws Exception {
        var port = application.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        var issuer = application.getEnvironment().getRequiredProperty("trialport.identity.issuer");
        var token = Tokens.demoHospital(issuer, FhirClients.ALL_SCOPES);
        var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        var post = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/fhir/Organization"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/fhir+json")
                .timeout(Duration.ofMinutes(2))
                .POST(HttpRequest.BodyPublishers.ofString(ORGANIZATION))
                .build();
        // A first write warms the validator up, so the slow write below is slow only for the lock.
        assertThat(http.send(post, HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(201);
        var database = EmbeddedPlatform.sharedRunning().postgres();
        CompletableFuture<Void> closing;
        CompletableFuture<HttpResponse<String>> write;
        try (var lock = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password())) {
            // The write is slow: it waits for a lock the test holds on the catalogue's table.
            lock.setAutoCommit(false);
            lock.createStatement().execute("LOCK TABLE fhir_resource IN EXCLUSIVE MODE");
            write = http.sendAsync(post, HttpResponse.BodyHandlers.ofString());
            var waiting = write;
            await().atMost(Duration.ofSeconds(60)).until(() -> waitingForLock(lock) > 0 || waiting.isDone());
            assertThat(write).as("the write waits for the lock").isNotDone();

            closing = CompletableFuture.runAsync(application::close);
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThatThrownBy(() -> http.send(
                                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/fhir/metadata"))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString()))
                            .as("no new request is taken once the application stops")
                            .isInstanceOf(IOException.class));
            assertThat(closing).as("the close waits for the write in flight").isNotDone();
            assertThat(write).isNotDone();
            lock.rollback();
        }

        var answer = write.get(30, TimeUnit.SECONDS);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        closing.get(60, TimeUnit.SECONDS);
        assertThat(application.isActive()).isFalse();
        var id = answer.headers().firstValue("Location").orElseThrow().replaceAll(".*/Organization/([^/]+).*", "$1");
        assertThat(stored(id)).as("the acknowledged write is in PostgreSQL").isTrue();
    }

    private static int waitingForLock(java.sql.Connection connection) throws Exception {
        var rows = connection.createStatement().executeQuery("SELECT count(*) FROM pg_locks WHERE NOT granted");
        rows.next();
        return rows.getInt(1);
    }

    private static boolean stored(String id) throws Exception {
        var database = EmbeddedPlatform.sharedRunning().postgres();
        try (var connection =
                        DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
                var statement = connection.prepareStatement(
                        "SELECT count(*) FROM fhir_resource WHERE resource_type = 'Organization' AND id = ?")) {
            statement.setString(1, id);
            var rows = statement.executeQuery();
            rows.next();
            return rows.getInt(1) == 1;
        }
    }
}
