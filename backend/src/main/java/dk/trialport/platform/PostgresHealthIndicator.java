package dk.trialport.platform;

import java.time.Duration;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** PostgreSQL, the system of record, answers a query over the application's own R2DBC pool. */
@Component("postgresql")
class PostgresHealthIndicator extends AbstractReactiveHealthIndicator {

    private final DatabaseClient database;

    PostgresHealthIndicator(DatabaseClient database) {
        super("PostgreSQL health check failed");
        this.database = database;
    }

    @Override
    protected Mono<Health> doHealthCheck(Health.Builder builder) {
        return database.sql("SELECT current_setting('server_version') AS version")
                .map(row -> row.get("version", String.class))
                .one()
                .timeout(Duration.ofSeconds(5))
                .map(version -> builder.up().withDetail("version", version).build())
                // Down is an answer, not a failure to log: Boot would log a stack trace at every health call.
                .onErrorResume(e -> Mono.just(
                        builder.down().withDetail("error", e.toString()).build()));
    }
}
