package dk.trialport.infra.embedded;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trialport as it runs in production, on one machine: PostgreSQL, an Elasticsearch cluster of several nodes, the
 * identity provider and the mail server (the embedded platform), several application instances, each its own JVM,
 * and a {@link LoadBalancer} in front of them. {@code infra/bin/trialport cluster} runs {@link #main}; the reliability
 * suite starts one and breaks its parts.
 */
public final class LocalCluster implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalCluster.class);

    /**
     * What to start.
     *
     * @param home the data directory (the embedded platform's, and the instances' logs)
     * @param wipe delete the data of earlier runs first
     * @param fixedPorts the servers on the development ports (PostgreSQL 15432, Elasticsearch from 19200, identity
     *     provider 9000, mail 3025/3143), or on free ones
     * @param searchNodes Elasticsearch nodes
     * @param instances application instances
     * @param loadBalancerPort the load balancer's port (0: a free one)
     * @param firstInstancePort the first instance's port, the others the next ones (0: free ones)
     * @param classPath the application's class path
     * @param mainClass the application's main class
     * @param settings more application settings, for every instance
     * @param instanceHeapMb each instance's heap
     */
    public record Settings(
            Path home,
            boolean wipe,
            boolean fixedPorts,
            int searchNodes,
            int instances,
            int loadBalancerPort,
            int firstInstancePort,
            String classPath,
            String mainClass,
            Map<String, String> settings,
            int instanceHeapMb) {}

    private final EmbeddedPlatform platform;
    private final List<ApplicationInstance> instances;
    private final LoadBalancer loadBalancer;
    /** Stops everything when the JVM ends without {@link #close()} (Ctrl-C, SIGTERM, a test run stopped). */
    private final Thread stopAtExit = new Thread(this::stop, "local-cluster-stop");

    private LocalCluster(EmbeddedPlatform platform, List<ApplicationInstance> instances, LoadBalancer loadBalancer) {
        this.platform = platform;
        this.instances = instances;
        this.loadBalancer = loadBalancer;
        Runtime.getRuntime().addShutdownHook(stopAtExit);
    }

    /**
     * Starts the servers, then the instances one after the other (the first migrates the schema and, in development,
     * seeds the demo data the others then find), then the load balancer.
     */
    public static LocalCluster start(Settings settings) {
        boolean fixed = settings.fixedPorts();
        var platform = EmbeddedPlatform.start(new PlatformSettings(
                settings.home(),
                fixed ? 15432 : 0,
                fixed ? 19200 : 0,
                fixed ? 9000 : 0,
                fixed ? 3025 : 0,
                fixed ? 3143 : 0,
                512,
                settings.wipe(),
                settings.searchNodes()));
        var instances = new ArrayList<ApplicationInstance>();
        try {
            var ports = new ArrayList<Integer>();
            for (int i = 0; i < settings.instances(); i++) {
                ports.add(settings.firstInstancePort() == 0 ? FreePort.orFree(0) : settings.firstInstancePort() + i);
            }
            int balancerPort = FreePort.orFree(settings.loadBalancerPort());
            var publicUrl = "http://localhost:" + balancerPort;
            for (int i = 0; i < settings.instances(); i++) {
                var instance = new ApplicationInstance(
                        "trialport-" + (i + 1),
                        ApplicationInstance.command(
                                settings.classPath(),
                                settings.mainClass(),
                                ports.get(i),
                                publicUrl,
                                platform.running(),
                                settings.settings(),
                                settings.instanceHeapMb()),
                        platform.running().home(),
                        ports.get(i));
                instances.add(instance);
                instance.start();
            }
            var balancer = LoadBalancer.start(
                    instances.stream().map(ApplicationInstance::url).toList(), balancerPort);
            return new LocalCluster(platform, List.copyOf(instances), balancer);
        } catch (RuntimeException e) {
            instances.forEach(ApplicationInstance::close);
            platform.close();
            throw e;
        }
    }

    public EmbeddedPlatform platform() {
        return platform;
    }

    public List<ApplicationInstance> instances() {
        return instances;
    }

    public LoadBalancer loadBalancer() {
        return loadBalancer;
    }

    /** Where clients reach the cluster: the load balancer. */
    public URI url() {
        return URI.create(loadBalancer.url());
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(stopAtExit);
        } catch (IllegalStateException e) {
            // the JVM is ending: the hook runs stop() anyway
            return;
        }
        stop();
    }

    private void stop() {
        loadBalancer.close();
        instances.parallelStream().forEach(ApplicationInstance::close);
        platform.close();
    }

    /**
     * Runs the local cluster until Ctrl-C. Settings as system properties: {@code trialport.home} (data directory),
     * {@code wipe}, {@code cluster.instances} (2), {@code cluster.search-nodes} (3), {@code cluster.port} (the load
     * balancer, 8080), {@code cluster.first-instance-port} (8081), {@code cluster.main-class}; the application's class
     * path is this JVM's.
     */
    public static void main(String[] args) throws InterruptedException {
        var settings = new Settings(
                Path.of(System.getProperty("trialport.home", "./var/cluster")),
                Boolean.getBoolean("wipe"),
                true,
                Integer.getInteger("cluster.search-nodes", 3),
                Integer.getInteger("cluster.instances", 2),
                Integer.getInteger("cluster.port", 8080),
                Integer.getInteger("cluster.first-instance-port", 8081),
                System.getProperty("java.class.path"),
                System.getProperty("cluster.main-class", "dk.trialport.TrialportApplication"),
                Map.of(),
                Integer.getInteger("cluster.instance-heap-mb", 768));
        var cluster = start(settings);
        var running = cluster.platform().running();
        log.info(
                """

                Trialport cluster is ready.
                  Load balancer:   {}
                  Instances:       {}
                  Elasticsearch:   {}
                  PostgreSQL:      {}
                  Identity:        {}
                  Logs:            {}
                Ctrl-C stops everything.""",
                cluster.url(),
                cluster.instances().stream().map(ApplicationInstance::url).toList(),
                running.elasticsearchUrls(),
                running.postgres().jdbcUrl(),
                running.identityProviderIssuer(),
                running.home().resolve("logs"));
        Thread.currentThread().join(); // until Ctrl-C, which stops the cluster
    }
}
