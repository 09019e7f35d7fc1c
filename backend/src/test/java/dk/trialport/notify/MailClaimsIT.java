package dk.trialport.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dk.trialport.platform.PollingWorker;
import dk.trialport.support.TrialportIntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Two mail senders on one database, as two instances would be: each mail is claimed and sent by one of them only, and
 * a mail claimed by a sender that died is taken over by the other once the lease has run out, while the dead one, had
 * it only been slow, would no longer send it.
 */
@TrialportIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MailClaimsIT {

    private static final Duration LEASE = Duration.ofMinutes(2);

    @Autowired
    MailQueue queue;

    @Autowired
    DatabaseClient database;

    @Autowired
    PollingWorker worker;

    /** The application's own sender would be a third: it rests while the two of the test work. */
    @BeforeAll
    void quiet() {
        worker.stop();
    }

    @AfterAll
    void resume() {
        worker.start();
    }

    @Test
    void twoSendersNeverSendOneMailTwice() throws Exception {
        queue(300);
        var sentByEach = new ArrayList<List<Long>>();
        try (var instances = Executors.newVirtualThreadPerTaskExecutor()) {
            var senders = List.of(instances.submit(this::sendAll), instances.submit(this::sendAll));
            for (var sender : senders) {
                sentByEach.add(sender.get());
            }
        }
        var all = new ArrayList<Long>();
        sentByEach.forEach(all::addAll);
        assertThat(all).as("every mail sent once").hasSize(300).doesNotHaveDuplicates();
        assertThat(sentByEach)
                .as("both senders worked")
                .allSatisfy(sent -> assertThat(sent).isNotEmpty());
        assertThat(unsent()).isZero();
    }

    @Test
    void aMailClaimedByASenderThatDiedIsTakenOverOnceItsLeaseRunsOut() throws Exception {
        queue(1);
        var dead = queue.claimDue(10, Duration.ofSeconds(1)).collectList().block();
        assertThat(dead).hasSize(1);
        assertThat(queue.claimDue(10, LEASE).collectList().block())
                .as("claimed by the other")
                .isEmpty();

        var takenOver = Awaitility.await("the dead sender's lease runs out")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> queue.claimDue(10, LEASE).collectList().block(), claimed -> !claimed.isEmpty());
        assertThat(takenOver)
                .extracting(MailQueue.Mail::id)
                .containsExactly(dead.get(0).id());
        assertThat(queue.stillClaimed(dead.get(0), LEASE).block())
                .as("the first sender, only slow, no longer sends it")
                .isFalse();
        assertThat(queue.stillClaimed(takenOver.get(0), LEASE).block()).isTrue();
    }

    /** One sender's loop, as MailWorker runs it: claim due mails, renew each claim right before sending, mark sent. */
    private List<Long> sendAll() {
        var sent = Collections.synchronizedList(new ArrayList<Long>());
        List<MailQueue.Mail> due;
        while (!(due = queue.claimDue(7, LEASE).collectList().block()).isEmpty()) {
            for (var mail : due) {
                if (queue.stillClaimed(mail, LEASE).block()) {
                    sent.add(mail.id());
                    queue.sent(mail.id()).block();
                }
            }
        }
        return sent;
    }

    private void queue(int mails) {
        database.sql("DELETE FROM mail").then().block();
        database.sql("INSERT INTO mail (template, trial_id, recipient_kind, recipient_id) "
                        + "SELECT 'matching-trial', 'trial-' || n, 'profile', 'person-' || n "
                        + "FROM generate_series(1, :n) AS n")
                .bind("n", mails)
                .then()
                .block();
    }

    private long unsent() {
        return database.sql("SELECT count(*) AS n FROM mail WHERE sent_at IS NULL")
                .map(row -> row.get("n", Long.class))
                .one()
                .block();
    }
}
