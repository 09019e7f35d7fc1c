package dk.trialport.platform;

import dk.trialport.identity.IdentityProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Says in the log, once the application is ready, where everything is. */
@Component
class StartupReport {

    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

    private final Environment environment;
    private final IdentityProperties identity;

    StartupReport(Environment environment, IdentityProperties identity) {
        this.environment = environment;
        this.identity = identity;
    }

    @EventListener
    void report(ApplicationReadyEvent event) {
        var port = environment.getProperty("local.server.port", "8080");
        log.info(
                """

        Trialport is ready.
          Portal:             http://localhost:{}/
          FHIR API:           http://localhost:{}/fhir
          Health:             http://localhost:{}/actuator/health
          Identity provider:  {}  (demo users: patient, patient2, investigator, investigator2, admin; password = user name)
          PostgreSQL:         {}
          Elasticsearch:      {}
          Mail (SMTP):        {}:{}  {}
          Data directory:     {}
        """,
                port,
                port,
                port,
                identity.issuer(),
                environment.getProperty("spring.r2dbc.url"),
                environment.getProperty("spring.elasticsearch.uris"),
                environment.getProperty("spring.mail.host", "(none)"),
                environment.getProperty("spring.mail.port", ""),
                environment.getProperty("trialport.platform.mail-inbox", ""),
                environment.getProperty("trialport.platform.resolved-home", "(external servers)"));
    }
}
