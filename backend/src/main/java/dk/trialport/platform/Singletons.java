package dk.trialport.platform;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import java.util.Optional;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Work that one instance at a time may do, however many run (a scheduled import): it runs under a PostgreSQL
 * advisory lock named after it, held by a connection of its own for as long as the work takes. Another instance that
 * asks meanwhile is told no and skips its turn. When the instance holding it dies, its connection ends and PostgreSQL
 * releases the lock at once, so the next instance to ask gets it.
 */
@Component
public class Singletons {

    private final ConnectionFactory connections;

    Singletons(ConnectionFactory connections) {
        this.connections = connections;
    }

    /** Work that may fail, run alone. */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws Exception;
    }

    /** Runs {@code work} in the calling thread if no instance runs work named {@code name} now; false if one does. */
    public boolean runAlone(String name, Runnable work) {
        try {
            return tryAlone(name, () -> {
                        work.run();
                        return Boolean.TRUE;
                    })
                    .isPresent();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs {@code work} if no instance runs work named {@code name} now: its result, or empty if one does. */
    public <T> Optional<T> tryAlone(String name, Work<T> work) throws Exception {
        return alone(name, "SELECT pg_try_advisory_lock(hashtextextended($1, 0))", work);
    }

    /** Runs {@code work} once no instance runs work named {@code name} any more, waiting for it: its result. */
    public <T> T waitAndRunAlone(String name, Work<T> work) throws Exception {
        return alone(name, "SELECT true FROM (SELECT pg_advisory_lock(hashtextextended($1, 0))) AS locked", work)
                .orElseThrow();
    }

    private <T> Optional<T> alone(String name, String lock, Work<T> work) throws Exception {
        Connection connection = Mono.from(connections.create()).block();
        try {
            if (!Boolean.TRUE.equals(call(connection, lock, name))) {
                return Optional.empty();
            }
            try {
                return Optional.of(work.run());
            } finally {
                call(connection, "SELECT pg_advisory_unlock(hashtextextended($1, 0))", name);
            }
        } finally {
            Mono.from(connection.close()).block();
        }
    }

    private static Boolean call(Connection connection, String sql, String name) {
        return Mono.from(connection.createStatement(sql).bind("$1", name).execute())
                .flatMap(result -> Mono.from(result.map((row, metadata) -> row.get(0, Boolean.class))))
                .block();
    }
}
