package dk.trialport.infra.embedded;

import java.util.LinkedHashMap;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts the embedded platform (PostgreSQL, Elasticsearch, identity provider, mail server) before the application context is built, when
 * {@code trialport.platform.embedded} is true, and points the application's connection settings at
 * it. Runs after logging is set up, so its progress shows in the log. Registered in this jar's
 * {@code META-INF/spring.factories}, so it runs wherever the jar is on the class path: in tests and with the run
 * command, never in the production artifact, which does not contain it.
 */
public final class EmbeddedPlatformListener
        implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    static final String PROPERTY_SOURCE = "embeddedPlatform";

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        var environment = event.getEnvironment();
        var properties = Binder.get(environment)
                .bind("trialport.platform", PlatformProperties.class)
                .orElse(null);
        if (properties == null
                || !properties.embedded()
                || environment.getPropertySources().contains(PROPERTY_SOURCE)) {
            return;
        }
        var running = EmbeddedPlatform.startShared(settings(properties), stop -> stopAtExit(stop, environment));
        pointAt(running, environment);
    }

    /**
     * The servers stop when the JVM exits, but only after the application has closed: Spring Boot runs its shutdown
     * handlers once every application context is closed, that is once the web server has finished the requests in
     * flight and the background workers their batches. A plain JVM shutdown hook would run at the same time as
     * Spring's and stop PostgreSQL under requests still being answered. An application that registers no shutdown
     * hook of Spring's gets a plain one.
     */
    private static void stopAtExit(Runnable stop, ConfigurableEnvironment environment) {
        if (environment.getProperty("spring.main.register-shutdown-hook", Boolean.class, true)) {
            SpringApplication.getShutdownHandlers().add(stop);
        } else {
            Runtime.getRuntime().addShutdownHook(new Thread(stop, "embedded-platform-stop"));
        }
    }

    private static PlatformSettings settings(PlatformProperties properties) {
        boolean random = properties.randomPorts();
        return new PlatformSettings(
                properties.home(),
                random ? 0 : properties.postgresPort(),
                random ? 0 : properties.elasticsearchPort(),
                random ? 0 : properties.identityProviderPort(),
                random ? 0 : properties.smtpPort(),
                random ? 0 : properties.imapPort(),
                properties.elasticsearchHeapMb(),
                properties.wipe(),
                properties.elasticsearchNodes());
    }

    private static void pointAt(RunningPlatform running, ConfigurableEnvironment environment) {
        var database = running.postgres();
        var settings = new LinkedHashMap<String, Object>();
        settings.put("spring.r2dbc.url", database.r2dbcUrl());
        settings.put("spring.r2dbc.username", database.username());
        settings.put("spring.r2dbc.password", database.password());
        settings.put("spring.flyway.url", database.jdbcUrl());
        settings.put("spring.flyway.user", database.username());
        settings.put("spring.flyway.password", database.password());
        // every node: the client spreads requests over them and retries one that fails on another
        settings.put("spring.elasticsearch.uris", String.join(",", running.elasticsearchUrls()));
        settings.put("trialport.identity.issuer", running.identityProviderIssuer());
        settings.put("spring.mail.host", running.mail().host());
        settings.put("spring.mail.port", running.mail().smtpPort());
        settings.put(
                "trialport.platform.mail-inbox",
                "(development inbox: IMAP at " + running.mail().host() + ":"
                        + running.mail().imapPort() + ", any user and password)");
        settings.put("trialport.platform.resolved-home", running.home().toString());
        environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, settings));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 30;
    }
}
