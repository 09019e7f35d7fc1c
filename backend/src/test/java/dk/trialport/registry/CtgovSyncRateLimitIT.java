package dk.trialport.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A 429 with {@code Retry-After: 1} is honoured: the sync waits a second, asks for the same page again, and goes on. */
class CtgovSyncRateLimitIT extends RegistrySyncSupport {

    @Test
    void a429WithRetryAfterIsWaitedForAndTheRequestRetried() {
        STAND_IN.serve(danishCopies(5), List.of());
        STAND_IN.fail(2, 429, "1", 1);

        assertThat(syncDone("ctgov", null)).containsEntry("created", 5);

        var page2 = STAND_IN.requests().stream()
                .filter(request -> request.page() == 2)
                .toList();
        assertThat(page2).extracting(RegistryStandIn.Request::status).containsExactly(429, 200);
        assertThat(page2.get(1).query()).isEqualTo(page2.get(0).query());
        assertThat(Duration.between(page2.get(0).at(), page2.get(1).at()))
                .as("waited as Retry-After asked, not the first backoff (50 ms)")
                .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }
}
