package dk.trialport.demo;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import reactor.util.retry.Retry;

/**
 * Demo data is written while the application starts, when everything asks PostgreSQL for a connection at once and a
 * busy machine may not hand one out within the pool's acquisition time: such a failure is tried again with backoff
 * (about two minutes in all) instead of leaving the demo half filled.
 */
final class StartupRetry {

    private static final Logger log = LoggerFactory.getLogger(StartupRetry.class);

    private StartupRetry() {}

    /** Retries a failure to reach the database; any other failure is final. */
    static Retry onUnreachableDatabase(String what) {
        return Retry.backoff(8, Duration.ofSeconds(1))
                .maxBackoff(Duration.ofSeconds(30))
                .filter(e -> e instanceof DataAccessResourceFailureException
                        || e instanceof TransientDataAccessException
                        || e instanceof io.r2dbc.spi.R2dbcTransientException)
                .doBeforeRetry(signal -> log.info(
                        "{}: the database did not answer in time ({}); trying again",
                        what,
                        signal.failure().getClass().getSimpleName()));
    }
}
