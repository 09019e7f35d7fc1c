package dk.trialport.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import dk.trialport.support.TrialportIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Readers of the outbox: each has its own position, only one instance reads a reader's batch at a time, and a
 * transaction that commits after a younger one is still read (events of a type no real reader takes).
 */
@TrialportIntegrationTest
class OutboxReadersIT {

    static final List<String> TEST_EVENTS = List.of("TestEvent");
    static final Duration LEASE = Duration.ofMinutes(1);

    @Autowired
    DatabaseClient database;

    @Autowired
    TransactionalOperator transaction;

    @BeforeEach
    void noTestEventsYet() {
        database.sql("DELETE FROM outbox_event WHERE resource_type = 'TestEvent'")
                .then()
                .then(database.sql("DELETE FROM outbox_consumer WHERE name LIKE 'reader-%'")
                        .then())
                .block();
    }

    @Test
    void twoInstancesNeverReadTheSameBatchAndEachReaderHasItsOwnPosition() {
        var first = new Outbox(database);
        var second = new Outbox(database);
        write("a").then(write("b")).block();

        var batch = first.claim("reader-1", TEST_EVENTS, 10, LEASE).block();
        assertThat(ids(batch)).containsExactly("a", "b");
        assertThat(second.claim("reader-1", TEST_EVENTS, 10, LEASE).block().events())
                .as("the first instance holds the position")
                .isEmpty();
        assertThat(ids(second.claim("reader-2", TEST_EVENTS, 10, LEASE).block()))
                .as("another reader reads from its own position")
                .containsExactly("a", "b");

        assertThat(first.advance("reader-1", batch).block()).isTrue();
        assertThat(first.lag("reader-1", TEST_EVENTS).block().events()).isZero();
        assertThat(second.lag("reader-2", TEST_EVENTS).block().events())
                .as("reader-2 has not moved on")
                .isEqualTo(2);
        write("c").block();
        assertThat(ids(second.claim("reader-1", TEST_EVENTS, 10, LEASE).block()))
                .as("after the position, by whichever instance")
                .containsExactly("c");
    }

    @Test
    void aTransactionCommittingAfterAYoungerOneIsNotSkipped() throws Exception {
        var reader = new Outbox(database);
        var started = new CountDownLatch(1);
        var commit = new CompletableFuture<Void>();
        var late = database.sql("SELECT pg_current_xact_id()::text")
                .map(row -> row.get(0, String.class))
                .one()
                .doOnNext(xid -> started.countDown())
                .then(Mono.fromFuture(commit))
                .then(write("late"))
                .as(transaction::transactional)
                .subscribeOn(Schedulers.boundedElastic())
                .toFuture();
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        write("early").block();

        assertThat(reader.claim("reader-3", TEST_EVENTS, 10, LEASE).block().events())
                .as("nothing is read past a transaction still running")
                .isEmpty();
        commit.complete(null);
        late.get(10, TimeUnit.SECONDS);
        var batch = reader.claim("reader-3", TEST_EVENTS, 10, LEASE).block();
        assertThat(ids(batch)).as("in the order of the transactions").containsExactly("late", "early");
        assertThat(batch.events().get(0).id())
                .as("though its id is the larger")
                .isGreaterThan(batch.events().get(1).id());
    }

    private Mono<Void> write(String id) {
        return database.sql("INSERT INTO outbox_event (resource_type, resource_id, version, change) "
                        + "VALUES ('TestEvent', :id, 1, 'CREATED')")
                .bind("id", id)
                .then();
    }

    private static List<String> ids(Outbox.Batch batch) {
        return batch.events().stream().map(Outbox.Event::resourceId).toList();
    }
}
