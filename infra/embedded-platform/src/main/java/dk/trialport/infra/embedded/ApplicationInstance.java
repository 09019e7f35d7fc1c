package dk.trialport.infra.embedded;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One Trialport application instance of the local cluster: its own JVM (the class path and main class it is given),
 * on its own port, against the shared servers. It can be stopped as SIGTERM does, killed as {@code kill -9} does,
 * and started again on the same port.
 */
public final class ApplicationInstance implements AutoCloseable {

    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(5);

    private final String name;
    private final List<String> command;
    private final Path home;
    private final int port;
    private ChildProcess process;

    ApplicationInstance(String name, List<String> command, Path home, int port) {
        this.name = name;
        this.command = List.copyOf(command);
        this.home = home;
        this.port = port;
    }

    /**
     * The command that runs the application on {@code port} against {@code servers}, its settings as command-line
     * arguments (Spring Boot reads them first).
     */
    static List<String> command(
            String classPath,
            String mainClass,
            int port,
            String publicBaseUrl,
            RunningPlatform servers,
            Map<String, String> extra,
            int heapMb) {
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var database = servers.postgres();
        var command = new ArrayList<>(List.of(
                java,
                "-Xmx" + heapMb + "m",
                "-XX:+UseSerialGC",
                "-cp",
                classPath,
                mainClass,
                "--trialport.platform.embedded=false",
                "--trialport.platform.home=" + servers.home(),
                "--server.port=" + port,
                "--trialport.public-base-url=" + publicBaseUrl,
                "--spring.r2dbc.url=" + database.r2dbcUrl(),
                "--spring.r2dbc.username=" + database.username(),
                "--spring.r2dbc.password=" + database.password(),
                "--spring.flyway.url=" + database.jdbcUrl(),
                "--spring.flyway.user=" + database.username(),
                "--spring.flyway.password=" + database.password(),
                "--spring.elasticsearch.uris=" + String.join(",", servers.elasticsearchUrls()),
                "--trialport.identity.issuer=" + servers.identityProviderIssuer(),
                "--spring.mail.host=" + servers.mail().host(),
                "--spring.mail.port=" + servers.mail().smtpPort()));
        extra.forEach((key, value) -> command.add("--" + key + "=" + value));
        return command;
    }

    public String name() {
        return name;
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    /** Starts the instance and waits until it is ready for requests. */
    public synchronized void start() {
        var log = home.resolve("logs").resolve(name + ".log");
        process = ChildProcess.start(name, command, home, log, home.resolve(name + ".pid"), Map.of());
        process.awaitHttpOk(url() + "/actuator/health/readiness", STARTUP_TIMEOUT, log);
        org.slf4j.LoggerFactory.getLogger(ApplicationInstance.class).info("{} ready at {}", name, url());
    }

    /** {@code kill -9}: the JVM ends at once, requests in flight and all. */
    public synchronized void kill() {
        process.kill();
    }

    /** SIGTERM, then waits for the JVM to end (it finishes what it has in hand): whether it ended in time. */
    public synchronized boolean terminate(Duration timeout) {
        return process.terminate(timeout);
    }

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    @Override
    public synchronized void close() {
        if (process != null) {
            process.close();
        }
    }
}
