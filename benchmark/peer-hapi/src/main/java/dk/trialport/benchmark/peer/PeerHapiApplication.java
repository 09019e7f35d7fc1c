package dk.trialport.benchmark.peer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.batch.BatchAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The HAPI FHIR JPA server (R4) on PostgreSQL, started by the side-by-side benchmark as a separate
 * process next to Trialport. It is the peer a hospital would otherwise run; it is not part of the
 * product. Boot's own JPA, Flyway and Batch set-up are left out: HAPI builds its own entity manager
 * factory and manages its own schema.
 */
@SpringBootApplication(
        exclude = {HibernateJpaAutoConfiguration.class, FlywayAutoConfiguration.class, BatchAutoConfiguration.class})
@ConfigurationPropertiesScan
public class PeerHapiApplication {

    public static void main(String[] args) {
        SpringApplication.run(PeerHapiApplication.class, args);
    }
}
