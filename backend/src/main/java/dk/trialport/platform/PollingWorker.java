package dk.trialport.platform;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs every background {@link Consumer} (mail, search indexer, profile matcher), each on its own thread: it takes
 * batches while there are any, waits {@link Pace#idle()} when there were none, and after a failure waits
 * {@link Pace#firstBackoff()}, doubling up to {@link Pace#maxBackoff()}. On shutdown it finishes the batch in hand
 * and takes no new one. Claiming is the consumer's part (a lease or {@code FOR UPDATE SKIP LOCKED}), so several
 * instances never handle the same item at once.
 *
 * <p>Metrics, tagged {@code consumer}: {@code trialport.worker.batches} (a timer of batches that had items or failed, tagged
 * {@code outcome}), {@code trialport.worker.items}, {@code trialport.worker.failures}, {@code trialport.worker.lag.items} and {@code trialport.worker.lag.age} (seconds the
 * oldest waiting item has waited).
 */
@Component
public class PollingWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PollingWorker.class);

    /** A background consumer: a module's bean that the worker runs. */
    public interface Consumer {

        /** Its name in logs and metrics, and the key of its progress. */
        String name();

        /** How often it polls and how it backs off. */
        Pace pace();

        /** False when it should not run here (e.g. no mail server configured); the worker then leaves it alone. */
        default boolean enabled() {
            return true;
        }

        /**
         * Claims a batch, handles it and records the progress; returns how many items it handled, 0 when none was
         * waiting. An exception makes the worker back off; what was claimed must come back (its lease ends).
         */
        int runBatch() throws Exception;

        /** What waits now. */
        Lag lag();
    }

    /**
     * How a consumer polls.
     *
     * @param idle the wait after a round that found nothing
     * @param firstBackoff the wait after a first failure; it doubles with each further failure
     * @param maxBackoff the longest wait after failures
     */
    public record Pace(Duration idle, Duration firstBackoff, Duration maxBackoff) {

        /** The wait after {@code failures} failures in a row (at least one). */
        public Duration backoff(int failures) {
            var wait = firstBackoff.multipliedBy(1L << Math.min(failures - 1, 30));
            return wait.compareTo(maxBackoff) > 0 || wait.isNegative() ? maxBackoff : wait;
        }
    }

    /**
     * What waits for a consumer.
     *
     * @param items how many items wait
     * @param oldestAge how long the oldest of them has waited ({@link Duration#ZERO} when none)
     */
    public record Lag(long items, Duration oldestAge) {

        public static final Lag NONE = new Lag(0, Duration.ZERO);
    }

    private final List<Consumer> consumers;
    private final MeterRegistry meters;
    private final List<ConsumerLoop> loops = new ArrayList<>();
    private volatile boolean running;

    PollingWorker(List<Consumer> consumers, MeterRegistry meters) {
        this.consumers = consumers;
        this.meters = meters;
    }

    @Override
    public synchronized void start() {
        running = true;
        for (var consumer : consumers) {
            if (!consumer.enabled()) {
                log.info("Background consumer {} does not run here", consumer.name());
                continue;
            }
            var loop = new ConsumerLoop(consumer, meters, () -> running);
            loops.add(loop);
            loop.start();
        }
    }

    @Override
    public void stop() {
        stopLoops().forEach(ConsumerLoop::join);
    }

    /** Lets each consumer finish its batch in hand, then tells Spring; takes no new batch meanwhile. */
    @Override
    public void stop(Runnable callback) {
        var stopping = stopLoops();
        Thread.ofVirtual().name("polling-worker-stop").start(() -> {
            stopping.forEach(ConsumerLoop::join);
            callback.run();
        });
    }

    private synchronized List<ConsumerLoop> stopLoops() {
        running = false;
        var stopping = List.copyOf(loops);
        loops.clear();
        stopping.forEach(ConsumerLoop::wake);
        return stopping;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
