package dk.trialport.idp;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Logs {@code Identity provider ready at <issuer>} once the application is ready. */
@Component
class ReadyLogger {

    private static final Log logger = LogFactory.getLog(ReadyLogger.class);

    private final IdpProperties properties;

    private final Environment environment;

    ReadyLogger(IdpProperties properties, Environment environment) {
        this.properties = properties;
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        String issuer = this.properties
                .configuredIssuer()
                .orElseGet(() -> "http://localhost:" + this.environment.getProperty("local.server.port", "9000"));
        logger.info("Identity provider ready at " + issuer);
    }
}
