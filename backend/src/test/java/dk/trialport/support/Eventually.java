package dk.trialport.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;

/** Waits for what background workers (indexer, matcher, mail) do, up to a minute. */
public final class Eventually {

    private Eventually() {}

    /** Returns once the condition holds; fails naming {@code what} after 60 seconds. */
    public static void await(BooleanSupplier condition, String what) {
        Awaitility.await(what)
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(condition::getAsBoolean);
    }
}
