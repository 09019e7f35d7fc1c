package dk.trialport.platform;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.util.ClassUtils;

/**
 * Fails the start with a plain message when the settings ask for the embedded platform
 * ({@code trialport.platform.embedded}, true unless the {@code prod} profile says otherwise) but this is the
 * production artifact, which does not contain it: such an application would otherwise look for servers that are
 * not there.
 */
public final class ServersConfiguredCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    static final String EMBEDDED_PLATFORM = "dk.trialport.infra.embedded.EmbeddedPlatform";

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        var environment = event.getEnvironment();
        var embedded = environment.getProperty("trialport.platform.embedded", Boolean.class, true);
        if (embedded && !ClassUtils.isPresent(EMBEDDED_PLATFORM, getClass().getClassLoader())) {
            throw new IllegalStateException(
                    "trialport.platform.embedded is true, but the embedded platform (a development "
                            + "tool) is not part of this artifact. Run the portal for development with `mvn -Prun package`, or point it "
                            + "at real servers with the prod profile (SPRING_PROFILES_ACTIVE=prod, see docs/operations.md).");
        }
    }
}
