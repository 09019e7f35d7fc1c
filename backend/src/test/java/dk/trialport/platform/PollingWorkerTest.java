package dk.trialport.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class PollingWorkerTest {

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void backoffDoublesFromTheFirstWaitUpToTheCap() {
        var pace = new PollingWorker.Pace(Duration.ofSeconds(1), Duration.ofMillis(250), Duration.ofSeconds(2));
        assertThat(List.of(1, 2, 3, 4, 5, 100).stream().map(pace::backoff).toList())
                .containsExactly(
                        Duration.ofMillis(250),
                        Duration.ofMillis(500),
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(2));
    }

    @Test
    void failuresAreCountedAndBackedOffUntilTheConsumerWorksAgain() {
        var consumer = new Fake("flaky") {
            @Override
            public int runBatch() {
                int call = calls.incrementAndGet();
                if (call <= 2) {
                    throw new IllegalStateException("down");
                }
                return call == 3 ? 5 : 0;
            }
        };
        var worker = new PollingWorker(List.of(consumer), meters);
        worker.start();
        try {
            await().atMost(Duration.ofSeconds(5)).until(() -> consumer.calls.get() > 4);
        } finally {
            worker.stop();
        }
        assertThat(meters.get("trialport.worker.failures")
                        .tag("consumer", "flaky")
                        .counter()
                        .count())
                .isEqualTo(2);
        assertThat(meters.get("trialport.worker.batches")
                        .tags("consumer", "flaky", "outcome", "success")
                        .timer()
                        .count())
                .as("only batches that had items")
                .isEqualTo(1);
        assertThat(meters.get("trialport.worker.items")
                        .tag("consumer", "flaky")
                        .counter()
                        .count())
                .isEqualTo(5);
        assertThat(meters.get("trialport.worker.lag.items")
                        .tag("consumer", "flaky")
                        .gauge()
                        .value())
                .isEqualTo(3);
        assertThat(meters.get("trialport.worker.lag.age")
                        .tag("consumer", "flaky")
                        .gauge()
                        .value())
                .isEqualTo(7);
    }

    @Test
    void stoppingFinishesTheBatchInHandAndTakesNoNewOne() throws Exception {
        var inBatch = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var finished = new AtomicInteger();
        var consumer = new Fake("slow") {
            @Override
            public int runBatch() throws InterruptedException {
                calls.incrementAndGet();
                inBatch.countDown();
                release.await();
                finished.incrementAndGet();
                return 1;
            }
        };
        var worker = new PollingWorker(List.of(consumer), meters);
        worker.start();
        assertThat(inBatch.await(5, TimeUnit.SECONDS)).isTrue();
        var stopped = new CountDownLatch(1);
        worker.stop(stopped::countDown);
        assertThat(stopped.await(200, TimeUnit.MILLISECONDS))
                .as("waits for the batch in hand")
                .isFalse();
        release.countDown();
        assertThat(stopped.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(finished.get()).isEqualTo(1);
        assertThat(consumer.calls.get()).as("no batch after the stop").isEqualTo(1);
        assertThat(worker.isRunning()).isFalse();
    }

    @Test
    void anOutageIsLoggedOnceWhenItStartsAndOnceWhenItEnds(CapturedOutput output) {
        var consumer = new Fake("outage") {
            @Override
            public int runBatch() {
                if (calls.incrementAndGet() <= 20) {
                    throw new IllegalStateException(
                            "Connection refused", new java.net.ConnectException("Connection refused"));
                }
                return 0;
            }
        };
        var worker = new PollingWorker(List.of(consumer), meters);
        worker.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> consumer.calls.get() > 22);
        } finally {
            worker.stop();
        }
        var lines = output.toString().lines().toList();
        assertThat(lines.stream().filter(line -> line.contains("Background consumer outage failed, will retry")))
                .as("twenty failures in a row, one line")
                .hasSize(1);
        assertThat(lines.stream().filter(line -> line.contains("Background consumer outage works again after 20")))
                .hasSize(1);
        assertThat(lines.stream().filter(line -> line.startsWith("\tat ")))
                .as("no stack trace")
                .isEmpty();
    }

    @Test
    void aDisabledConsumerDoesNotRun() {
        var consumer = new Fake("off") {
            @Override
            public boolean enabled() {
                return false;
            }
        };
        var worker = new PollingWorker(List.of(consumer), meters);
        worker.start();
        worker.stop();
        assertThat(consumer.calls.get()).isZero();
    }

    /** A consumer that counts its calls, finds nothing and reports three items waiting for seven seconds. */
    private static class Fake implements PollingWorker.Consumer {

        final AtomicInteger calls = new AtomicInteger();
        private final String name;

        Fake(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public PollingWorker.Pace pace() {
            return new PollingWorker.Pace(Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofMillis(40));
        }

        @Override
        public int runBatch() throws Exception {
            calls.incrementAndGet();
            return 0;
        }

        @Override
        public PollingWorker.Lag lag() {
            return new PollingWorker.Lag(3, Duration.ofSeconds(7));
        }
    }
}
