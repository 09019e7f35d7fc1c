package dk.trialport.availability;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTransientResourceException;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import reactor.pool.PoolAcquireTimeoutException;
import reactor.pool.PoolShutdownException;

/**
 * Recognises in what was thrown that PostgreSQL or Elasticsearch is down (refused or lost connections, a pool that
 * cannot get one, the server shutting down), as opposed to a fault of the request or a bug.
 *
 * <p>PostgreSQL is recognised anywhere by the R2DBC and Spring data-access types in the chain of causes. Elasticsearch
 * failures carry only plain I/O exceptions, so the search module marks its own with {@link #ofSearchEngine(Throwable)}.
 */
public final class Outages {

    /** SQLSTATE classes of a lost or refused connection (08) and of a server shutting down or starting (57P). */
    private static final Set<String> CONNECTION_STATES = Set.of("08", "57P");

    private Outages() {}

    /** The outage behind {@code thrown}, if it is one. */
    public static Optional<ServiceUnavailable> of(Throwable thrown) {
        for (var e = thrown; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof ServiceUnavailable unavailable) {
                return Optional.of(unavailable);
            }
            if (isDatabaseConnectionFailure(e)) {
                return Optional.of(new ServiceUnavailable(Dependency.POSTGRESQL, thrown));
            }
        }
        return Optional.empty();
    }

    /**
     * What a failed call to Elasticsearch becomes: a {@link ServiceUnavailable} when the node did not answer (no
     * connection, a timeout, or the node's own 503 or 429), else what was thrown.
     */
    public static Throwable ofSearchEngine(Throwable thrown) {
        if (thrown instanceof ServiceUnavailable) {
            return thrown;
        }
        for (var e = thrown; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof IOException || e instanceof TimeoutException || unavailableStatus(e)) {
                return new ServiceUnavailable(Dependency.ELASTICSEARCH, thrown);
            }
        }
        return thrown;
    }

    private static boolean isDatabaseConnectionFailure(Throwable e) {
        if (e instanceof R2dbcNonTransientResourceException
                || e instanceof R2dbcTransientResourceException
                || e instanceof DataAccessResourceFailureException
                || e instanceof TransientDataAccessResourceException
                || e instanceof CannotCreateTransactionException
                || e instanceof PoolAcquireTimeoutException
                || e instanceof PoolShutdownException) {
            return true;
        }
        var type = e.getClass().getName();
        if (type.startsWith("io.r2dbc.postgresql.")
                && (type.contains("ConnectionClosed") || type.contains("ConnectionException"))) {
            return true;
        }
        return e instanceof R2dbcException r2dbc
                && r2dbc.getSqlState() != null
                && CONNECTION_STATES.stream().anyMatch(r2dbc.getSqlState()::startsWith);
    }

    /** Elasticsearch's own "not now" answers: 503 (no node, no shard) and 429 (too many requests). */
    private static boolean unavailableStatus(Throwable e) {
        return e instanceof ElasticsearchException es && (es.status() == 503 || es.status() == 429);
    }

    /** The innermost cause's type and message, in one line. */
    static String rootCause(Throwable thrown) {
        var root = thrown;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        var message = root.getMessage() == null
                ? ""
                : ": " + root.getMessage().lines().findFirst().orElse("");
        return root.getClass().getSimpleName() + message;
    }
}
