package dk.trialport.platform;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One consumer's thread of the {@link PollingWorker}: its loop of batches, waits and backoff, and its meters. */
final class ConsumerLoop {

    static final String BATCHES = "trialport.worker.batches";
    static final String ITEMS = "trialport.worker.items";
    static final String FAILURES = "trialport.worker.failures";
    static final String LAG_ITEMS = "trialport.worker.lag.items";
    static final String LAG_AGE = "trialport.worker.lag.age";
    private static final Duration LAG_EVERY = Duration.ofSeconds(1);
    private static final Logger log = LoggerFactory.getLogger(PollingWorker.class);

    private final PollingWorker.Consumer consumer;
    private final BooleanSupplier running;
    private final Thread thread;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition woken = lock.newCondition();
    private final Timer succeeded;
    private final Timer failed;
    private final Counter items;
    private final Counter failures;
    private final AtomicLong lagItems = new AtomicLong();
    private final AtomicLong lagSeconds = new AtomicLong();
    private long lagMeasured;

    ConsumerLoop(PollingWorker.Consumer consumer, MeterRegistry meters, BooleanSupplier running) {
        this.consumer = consumer;
        this.running = running;
        this.thread = Thread.ofPlatform().daemon().name(consumer.name()).unstarted(this::run);
        var name = consumer.name();
        succeeded = Timer.builder(BATCHES)
                .tag("consumer", name)
                .tag("outcome", "success")
                .register(meters);
        failed = Timer.builder(BATCHES)
                .tag("consumer", name)
                .tag("outcome", "failure")
                .register(meters);
        items = Counter.builder(ITEMS).tag("consumer", name).register(meters);
        failures = Counter.builder(FAILURES).tag("consumer", name).register(meters);
        Gauge.builder(LAG_ITEMS, lagItems, AtomicLong::get)
                .tag("consumer", name)
                .strongReference(true)
                .register(meters);
        Gauge.builder(LAG_AGE, lagSeconds, AtomicLong::get)
                .tag("consumer", name)
                .baseUnit("seconds")
                .strongReference(true)
                .register(meters);
    }

    void start() {
        thread.start();
    }

    private void run() {
        log.info("Background consumer {} started", consumer.name());
        int failuresInRow = 0;
        while (running.getAsBoolean() && !Thread.currentThread().isInterrupted()) {
            Duration wait;
            long started = System.nanoTime();
            try {
                int handled = consumer.runBatch();
                if (handled > 0) {
                    succeeded.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                    items.increment(handled);
                }
                if (failuresInRow > 0) {
                    log.info("Background consumer {} works again after {} failures", consumer.name(), failuresInRow);
                    failuresInRow = 0;
                }
                wait = handled > 0 ? Duration.ZERO : consumer.pace().idle();
            } catch (Exception e) {
                failed.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                failures.increment();
                failuresInRow++;
                wait = consumer.pace().backoff(failuresInRow);
                if (failuresInRow == 1) {
                    log.warn("Background consumer {} failed, will retry: {}", consumer.name(), e.toString());
                } else {
                    log.debug(
                            "Background consumer {} failed {} times in a row, next try in {}",
                            consumer.name(),
                            failuresInRow,
                            wait);
                }
            }
            measureLag();
            sleep(wait);
        }
        log.info("Background consumer {} stopped", consumer.name());
    }

    private void measureLag() {
        if (System.nanoTime() - lagMeasured < LAG_EVERY.toNanos()) {
            return;
        }
        lagMeasured = System.nanoTime();
        try {
            var lag = consumer.lag();
            lagItems.set(lag.items());
            lagSeconds.set(lag.oldestAge().toSeconds());
        } catch (RuntimeException e) {
            log.debug("Lag of {} not measured: {}", consumer.name(), e.toString());
        }
    }

    private void sleep(Duration wait) {
        if (wait.isZero()) {
            return;
        }
        lock.lock();
        try {
            long left = wait.toNanos();
            while (running.getAsBoolean() && left > 0) {
                left = woken.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    void wake() {
        lock.lock();
        try {
            woken.signalAll();
        } finally {
            lock.unlock();
        }
    }

    void join() {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
