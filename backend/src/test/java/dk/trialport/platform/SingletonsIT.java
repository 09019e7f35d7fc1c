package dk.trialport.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dk.trialport.infra.embedded.EmbeddedPlatform;
import dk.trialport.support.TrialportIntegrationTest;
import java.sql.DriverManager;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Singleton work on several instances (the scheduled import): while one instance runs it, another is told no; when
 * the one holding it dies, the next to ask gets it at once.
 */
@TrialportIntegrationTest
class SingletonsIT {

    @Autowired
    Singletons singletons;

    @Test
    void oneInstanceAtATimeRunsTheWork() throws Exception {
        var started = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var runs = new AtomicInteger();
        var first = CompletableFuture.supplyAsync(() -> singletons.runAlone("nightly-job", () -> {
            runs.incrementAndGet();
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();

        assertThat(singletons.runAlone("nightly-job", runs::incrementAndGet))
                .as("the other instance skips its turn")
                .isFalse();
        assertThat(singletons.runAlone("another-job", () -> {})).isTrue();

        release.countDown();
        assertThat(first.get(30, TimeUnit.SECONDS)).isTrue();
        assertThat(runs).hasValue(1);
        assertThat(singletons.runAlone("nightly-job", runs::incrementAndGet)).isTrue();
        assertThat(runs).hasValue(2);
    }

    @Test
    void whenTheInstanceHoldingItDiesTheNextGetsItAtOnce() throws Exception {
        var database = EmbeddedPlatform.sharedRunning().postgres();
        var dying = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
        dying.createStatement().execute("SELECT pg_advisory_lock(hashtextextended('nightly-job', 0))");
        assertThat(singletons.runAlone("nightly-job", () -> {})).isFalse();

        dying.close(); // its session ends, as when the instance's process dies
        var ran = new AtomicInteger();
        assertThat(singletons.runAlone("nightly-job", ran::incrementAndGet)).isTrue();
        assertThat(ran).hasValue(1);
    }
}
