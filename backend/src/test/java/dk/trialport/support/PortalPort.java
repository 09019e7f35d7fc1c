package dk.trialport.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * A free port for the portal under test, chosen before the context starts, so that its configured public address
 * ({@code trialport.public-base-url}, which the login's redirect_uri is built from) can name it.
 */
public class PortalPort implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        int port = free();
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "portalPort",
                        Map.of("server.port", port, "trialport.public-base-url", "http://localhost:" + port)));
    }

    private static int free() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
