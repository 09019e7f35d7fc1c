package dk.trialport.platform;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
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
 * <p>Metrics, tagged {@code consumer}: {@value #BATCHES} (a timer of batches that had items or failed, tagged
 * {@code outcome}), {@value #ITEMS}, {@value #FAILURES}, {@value #LAG_ITEMS} and {@value #LAG_AGE} (seconds the
 * oldest waiting item has waited).
 */
@Component
public class PollingWorker implements SmartLifecycle {

  static final String BATCHES = "trialport.worker.batches";
  static final String ITEMS = "trialport.worker.items";
  static final String FAILURES = "trialport.worker.failures";
  static final String LAG_ITEMS = "trialport.worker.lag.items";
  static final String LAG_AGE = "trialport.worker.lag.age";
  private static final Duration LAG_EVERY = Duration.ofSeconds(1);
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
  private final List<Loop> loops = new ArrayList<>();
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
      var loop = new Loop(consumer);
      loops.add(loop);
      loop.thread.start();
    }
  }

  @Override
  public void stop() {
    stopLoops().forEach(Loop::join);
  }

  /** Lets each consumer finish its batch in hand, then tells Spring; takes no new batch meanwhile. */
  @Override
  public void stop(Runnable callback) {
    var stopping = stopLoops();
    Thread.ofVirtual().name("polling-worker-stop").start(() -> {
      stopping.forEach(Loop::join);
      callback.run();
    });
  }

  private synchronized List<Loop> stopLoops() {
    running = false;
    var stopping = List.copyOf(loops);
    loops.clear();
    stopping.forEach(Loop::wake);
    return stopping;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** One consumer's thread and meters. */
  private final class Loop {

    private final Consumer consumer;
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

    Loop(Consumer consumer) {
      this.consumer = consumer;
      this.thread = Thread.ofPlatform().daemon().name(consumer.name()).unstarted(this::run);
      var name = consumer.name();
      succeeded = Timer.builder(BATCHES).tag("consumer", name).tag("outcome", "success").register(meters);
      failed = Timer.builder(BATCHES).tag("consumer", name).tag("outcome", "failure").register(meters);
      items = Counter.builder(ITEMS).tag("consumer", name).register(meters);
      failures = Counter.builder(FAILURES).tag("consumer", name).register(meters);
      Gauge.builder(LAG_ITEMS, lagItems, AtomicLong::get).tag("consumer", name).register(meters);
      Gauge.builder(LAG_AGE, lagSeconds, AtomicLong::get).tag("consumer", name).baseUnit("seconds").register(meters);
    }

    private void run() {
      log.info("Background consumer {} started", consumer.name());
      int failuresInRow = 0;
      while (running && !Thread.currentThread().isInterrupted()) {
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
            log.debug("Background consumer {} failed {} times in a row, next try in {}", consumer.name(),
                failuresInRow, wait);
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
        while (running && left > 0) {
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
}
