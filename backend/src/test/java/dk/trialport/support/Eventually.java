package dk.trialport.support;

import java.time.Duration;
import java.time.Instant;
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

    /** Returns once {@code condition} has held for the whole of {@code period}: something that must not happen again. */
    public static void holdsFor(Duration period, BooleanSupplier condition, String what) {
        Awaitility.await(what)
                .during(period)
                .atMost(period.plusSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(condition::getAsBoolean);
    }

    /** Returns once the clock has moved past {@code instant}, so that what happens next is stamped later. */
    public static void clockPasses(Instant instant) {
        Awaitility.await("the clock passes " + instant)
                .atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(1))
                .until(() -> Instant.now().isAfter(instant.plusMillis(1)));
    }
}
