package dk.trialport.infra.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts PostgreSQL, Elasticsearch, the identity provider and a mail server side by side, and stops them all again.
 *
 * <p>Every piece of data lives under {@link PlatformSettings#home()}: {@code postgres/},
 * {@code elasticsearch/}, {@code identity-provider/} and {@code logs/}, so a second start reuses the
 * first one's data and a wipe deletes it.
 */
public final class EmbeddedPlatform implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPlatform.class);
    private static EmbeddedPlatform shared;

    private final List<AutoCloseable> started;
    private RunningPlatform running;
    private final List<Runnable> restartSearchNodes;
    private final Runnable restartPostgres;

    private EmbeddedPlatform(
            List<AutoCloseable> started,
            RunningPlatform running,
            List<Runnable> restartSearchNodes,
            Runnable restartPostgres) {
        this.started = started;
        this.running = running;
        this.restartSearchNodes = restartSearchNodes;
        this.restartPostgres = restartPostgres;
    }

    /** Stops the shared platform's Elasticsearch nodes, keeping their data: tests of search being down use it. */
    public static synchronized void stopSearchNode() {
        stopShared(ElasticsearchNode.class);
    }

    /** Starts the shared platform's Elasticsearch nodes again, on the same ports and with the same data. */
    public static synchronized void startSearchNode() {
        sharedPlatform().restartSearchNodes.forEach(Runnable::run);
    }

    /** Stops Elasticsearch node {@code index} (from 0) of this platform, keeping its data. */
    public void stopSearchNode(int index) {
        var url = running.elasticsearchUrls().get(index);
        synchronized (started) {
            for (var server : List.copyOf(started)) {
                if (server instanceof ElasticsearchNode node && node.url().equals(url)) {
                    node.close();
                    started.remove(node);
                }
            }
        }
    }

    /** Starts Elasticsearch node {@code index} of this platform again, on the same ports and with the same data. */
    public void startSearchNode(int index) {
        restartSearchNodes.get(index).run();
    }

    /** Stops this platform's PostgreSQL (a fast shutdown), keeping its data. */
    public void stopPostgresServer() {
        synchronized (started) {
            for (var server : List.copyOf(started)) {
                if (server instanceof PostgresServer postgres) {
                    postgres.close();
                    started.remove(postgres);
                }
            }
        }
    }

    /** Starts this platform's PostgreSQL again, on the same port and with the same data. */
    public void startPostgresServer() {
        restartPostgres.run();
    }

    /**
     * Stops the shared platform's PostgreSQL (a fast shutdown: open connections are ended), keeping its data: tests of
     * the database being down use it.
     */
    public static synchronized void stopPostgres() {
        stopShared(PostgresServer.class);
    }

    /** Starts the shared platform's PostgreSQL again, on the same port and with the same data. */
    public static synchronized void startPostgres() {
        sharedPlatform().restartPostgres.run();
    }

    private static EmbeddedPlatform sharedPlatform() {
        if (shared == null) {
            throw new IllegalStateException("the shared platform is not running");
        }
        return shared;
    }

    private static void stopShared(Class<? extends AutoCloseable> kind) {
        var platform = sharedPlatform();
        synchronized (platform.started) {
            for (var server : List.copyOf(platform.started)) {
                if (kind.isInstance(server)) {
                    try {
                        server.close();
                    } catch (Exception e) {
                        throw new IllegalStateException("Could not stop " + kind.getSimpleName(), e);
                    }
                    platform.started.remove(server);
                    log.info("Stopped {}", kind.getSimpleName());
                }
            }
        }
    }

    /** Stops the shared platform's mail server: tests of a mail outage use it. */
    public static synchronized void stopMailServer() {
        sharedRunning().mail().close();
    }

    /** Starts the shared platform's mail server again, on the same ports (mail received before is gone). */
    public static synchronized MailServer startMailServer() {
        var before = sharedRunning().mail();
        var mail = MailServer.start(before.smtpPort(), before.imapPort());
        synchronized (shared.started) {
            shared.started.remove(before);
            shared.started.add(mail);
        }
        shared.running = new RunningPlatform(
                shared.running.home(),
                shared.running.postgres(),
                shared.running.elasticsearchUrls(),
                shared.running.identityProviderIssuer(),
                mail);
        return mail;
    }

    /** The shared platform's servers as they are now. */
    public static synchronized RunningPlatform sharedRunning() {
        if (shared == null) {
            throw new IllegalStateException("the shared platform is not running");
        }
        return shared.running;
    }

    /**
     * The platform of this JVM, started on first call; later calls (more application contexts in one test run) get
     * the same servers. {@code stopAtExit} is handed what stops it when the JVM exits: the caller decides when that is
     * (the Spring listener runs it after every application context has closed, so requests in flight still reach
     * the database).
     */
    public static synchronized RunningPlatform startShared(
            PlatformSettings settings, java.util.function.Consumer<Runnable> stopAtExit) {
        if (shared == null) {
            shared = start(settings);
            stopAtExit.accept(shared::close);
        }
        return shared.running;
    }

    public static EmbeddedPlatform start(PlatformSettings settings) {
        var home = settings.home();
        var artifacts = PlatformArtifacts.fromBuild();
        if (settings.wipe()) {
            wipe(
                    home,
                    searchNodes(settings, home).stream()
                            .map(SearchNode::directory)
                            .toList());
        }
        log.info("Starting the embedded platform in {}", home);
        var started = new ArrayList<AutoCloseable>();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            var postgres = startAsync(
                    executor,
                    started,
                    () -> PostgresServer.start(
                            home.resolve("postgres/data"), home.resolve("logs/postgres.log"), settings.postgresPort()));
            var searchNodes = searchNodes(settings, home);
            var elasticsearch = new ArrayList<CompletableFuture<ElasticsearchNode>>();
            for (var node : searchNodes) {
                elasticsearch.add(startAsync(
                        executor,
                        started,
                        () -> ElasticsearchNode.start(
                                artifacts,
                                node.directory(),
                                node.httpPort(),
                                settings.elasticsearchHeapMb(),
                                node.membership())));
            }
            var identityProvider = startAsync(
                    executor,
                    started,
                    () -> IdentityProviderProcess.start(
                            artifacts,
                            home.resolve("identity-provider"),
                            home.resolve("logs/identity-provider.log"),
                            settings.identityProviderPort()));
            var mail = startAsync(executor, started, () -> MailServer.start(settings.smtpPort(), settings.imapPort()));
            CompletableFuture.allOf(postgres, identityProvider, mail).join();
            CompletableFuture.allOf(elasticsearch.toArray(CompletableFuture[]::new))
                    .join();
            var running = new RunningPlatform(
                    home,
                    postgres.join().database(),
                    elasticsearch.stream().map(node -> node.join().url()).toList(),
                    identityProvider.join().issuer(),
                    mail.join());
            var watched = new ArrayList<ServerWatch.Watched>();
            watched.add(new ServerWatch.Watched(
                    home.resolve("postgres/data/postmaster.pid"),
                    home.resolve("postgres/data").toString()));
            for (var node : searchNodes) {
                // the node's JVM gets its settings on stdin: its command line names only its home
                watched.add(new ServerWatch.Watched(
                        node.directory().resolve("elasticsearch.pid"),
                        node.directory().toString()));
            }
            watched.add(new ServerWatch.Watched(
                    home.resolve("identity-provider/identity-provider.pid"),
                    home.resolve("identity-provider").toString()));
            var watch = ServerWatch.start(watched);
            if (watch != null) {
                synchronized (started) {
                    started.add(watch);
                }
            }
            var restarts = new ArrayList<Runnable>();
            for (int i = 0; i < searchNodes.size(); i++) {
                var node = searchNodes.get(i);
                int searchPort =
                        java.net.URI.create(running.elasticsearchUrls().get(i)).getPort();
                restarts.add(() -> {
                    var again = ElasticsearchNode.start(
                            artifacts, node.directory(), searchPort, settings.elasticsearchHeapMb(), node.membership());
                    synchronized (started) {
                        started.add(again);
                    }
                });
            }
            int databasePort = running.postgres().port();
            Runnable restartPostgres = () -> {
                var postgresAgain = PostgresServer.start(
                        home.resolve("postgres/data"), home.resolve("logs/postgres.log"), databasePort);
                synchronized (started) {
                    started.add(postgresAgain);
                }
            };
            return new EmbeddedPlatform(started, running, List.copyOf(restarts), restartPostgres);
        } catch (CompletionException e) {
            new EmbeddedPlatform(started, null, null, null).close();
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    public RunningPlatform running() {
        return running;
    }

    @Override
    public void close() {
        List<AutoCloseable> toStop;
        synchronized (started) {
            toStop = List.copyOf(started);
            started.clear();
        }
        toStop.parallelStream().forEach(server -> {
            try {
                server.close();
            } catch (Exception e) {
                log.warn("Could not stop {}: {}", server.getClass().getSimpleName(), e.getMessage());
            }
        });
    }

    private static <T extends AutoCloseable> CompletableFuture<T> startAsync(
            java.util.concurrent.Executor executor, List<AutoCloseable> started, Supplier<T> start) {
        return CompletableFuture.supplyAsync(
                () -> {
                    var server = start.get();
                    synchronized (started) {
                        started.add(server);
                    }
                    return server;
                },
                executor);
    }

    /** An Elasticsearch node to start: its directory, HTTP port (0: a free one) and place in a cluster. */
    private record SearchNode(Path directory, int httpPort, ElasticsearchNode.Membership membership) {}

    /**
     * The Elasticsearch nodes: one single-node cluster in {@code elasticsearch/}, or N nodes of one cluster in
     * {@code elasticsearch/}, {@code elasticsearch-2/}, ..., each with its own distribution, data and free ports,
     * all master-eligible, finding each other on their transport ports.
     */
    private static List<SearchNode> searchNodes(PlatformSettings settings, Path home) {
        int count = settings.elasticsearchNodes();
        if (count == 1) {
            return List.of(new SearchNode(ElasticsearchNode.nodeDirectory(home), settings.elasticsearchPort(), null));
        }
        var names = new ArrayList<String>();
        var seeds = new ArrayList<String>();
        var transportPorts = new ArrayList<Integer>();
        for (int i = 1; i <= count; i++) {
            int port = FreePort.orFree(0);
            names.add("trialport-" + i);
            seeds.add("127.0.0.1:" + port);
            transportPorts.add(port);
        }
        var nodes = new ArrayList<SearchNode>();
        for (int i = 0; i < count; i++) {
            var directory = i == 0
                    ? ElasticsearchNode.nodeDirectory(home)
                    : SearchNodeUser.nodeDirectory(
                            home.toAbsolutePath().normalize().resolve("elasticsearch-" + (i + 1)));
            nodes.add(new SearchNode(
                    directory,
                    i == 0 ? settings.elasticsearchPort() : 0,
                    new ElasticsearchNode.Membership(names.get(i), transportPorts.get(i), seeds, names)));
        }
        return nodes;
    }

    /** Deletes the data of earlier runs; the unpacked Elasticsearch distributions are kept. */
    static void wipe(Path home, List<Path> nodeDirectories) {
        log.info("Wiping the embedded platform's data in {}", home);
        var paths = new ArrayList<>(
                List.of(home.resolve("postgres"), home.resolve("identity-provider"), home.resolve("logs")));
        for (var nodeDirectory : nodeDirectories) {
            paths.add(nodeDirectory.resolve("data"));
            paths.add(nodeDirectory.resolve("logs"));
        }
        for (var path : paths) {
            deleteRecursively(path);
        }
    }

    static void deleteRecursively(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try {
            Files.walkFileTree(path, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + path, e);
        }
    }
}
