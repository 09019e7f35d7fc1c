package dk.trialport.catalogue;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The changes of the catalogue, written with each change in its transaction, for any number of readers (the search
 * indexer, the recruitment matcher), each with its own position in {@code outbox_consumer}. A reader claims its next
 * batch with a lease on its position, so two instances never read the same batch at once, and moves the position
 * on once it has handled the batch.
 *
 * <p>Events are read in the order of their transactions ({@code tx}, then id), and only those of transactions
 * older than every one still running: ids are taken before commit, so a transaction committing late can hold a
 * smaller id than one already read, and a position by id alone would skip it.
 */
@Repository
public class Outbox {

    private static final String AFTER_POSITION = "(e.tx, e.id) > (coalesce(c.position_tx, '0'::xid8), "
            + "coalesce(c.position_id, 0)) AND (cardinality(:types::text[]) = 0 OR e.resource_type = ANY(:types::text[]))";

    private final DatabaseClient database;
    /** This instance, as the holder of leases. */
    private final String holder = UUID.randomUUID().toString();

    Outbox(DatabaseClient database) {
        this.database = database;
    }

    /** One change: which resource, which version, and whether it was created, updated or deleted. */
    public record Event(long id, String resourceType, String resourceId, int version, String change) {}

    /** A claimed batch, and the position its reader reaches once the batch is handled. */
    public record Batch(List<Event> events, String lastTx, long lastId) {}

    /**
     * What waits for a reader.
     *
     * @param oldest when the oldest waiting change was made, null when none waits
     */
    public record Lag(long events, Instant oldest) {

        /** How long the oldest waiting change has waited; zero when none waits. */
        public Duration age() {
            return oldest == null ? Duration.ZERO : Duration.between(oldest, Instant.now());
        }
    }

    /** What a reader does with a batch of changes. */
    public interface Handler {
        void handle(List<Event> events) throws Exception;
    }

    /**
     * Claims the reader's next batch ({@link #claim}), hands it to {@code handler} and moves the position past it; when
     * the handler fails, the position stays and is released, so the batch comes again. Returns the batch's size.
     */
    public int handleNext(String reader, Collection<String> types, int limit, Duration lease, Handler handler)
            throws Exception {
        var batch = claim(reader, types, limit, lease).block();
        if (batch.events().isEmpty()) {
            return 0;
        }
        try {
            handler.handle(batch.events());
        } catch (Exception e) {
            release(reader).block();
            throw e;
        }
        advance(reader, batch).block();
        return batch.events().size();
    }

    /**
     * Claims the reader's next changes, up to {@code limit}, of these resource types (all when empty), holding its
     * position for {@code lease}; an empty batch when there are none or another instance holds the position.
     */
    public Mono<Batch> claim(String reader, Collection<String> types, int limit, Duration lease) {
        return database.sql("WITH c AS (INSERT INTO outbox_consumer (name, leased_by, leased_until) "
                        + "VALUES (:reader, :holder, now() + make_interval(secs => :lease)) ON CONFLICT (name) DO UPDATE "
                        + "SET leased_by = excluded.leased_by, leased_until = excluded.leased_until "
                        + "WHERE outbox_consumer.leased_until IS NULL OR outbox_consumer.leased_until < now() "
                        + "OR outbox_consumer.leased_by = excluded.leased_by RETURNING position_tx, position_id) "
                        + "SELECT e.id, e.resource_type, e.resource_id, e.version, e.change, e.tx::text AS tx "
                        + "FROM c JOIN outbox_event e ON " + AFTER_POSITION
                        + " AND e.tx < pg_snapshot_xmin(pg_current_snapshot()) ORDER BY e.tx, e.id LIMIT :limit")
                .bind("reader", reader)
                .bind("holder", holder)
                .bind("lease", (double) lease.toSeconds())
                .bind("types", types.toArray(String[]::new))
                .bind("limit", limit)
                .map(row -> new Read(
                        new Event(
                                row.get("id", Long.class),
                                row.get("resource_type", String.class),
                                row.get("resource_id", String.class),
                                row.get("version", Integer.class),
                                row.get("change", String.class)),
                        row.get("tx", String.class)))
                .all()
                .collectList()
                .flatMap(rows -> rows.isEmpty()
                        ? release(reader).thenReturn(new Batch(List.of(), null, 0))
                        : Mono.just(new Batch(
                                rows.stream().map(Read::event).toList(),
                                rows.getLast().tx(),
                                rows.getLast().event().id())));
    }

    private record Read(Event event, String tx) {}

    /**
     * Moves the reader's position past a handled batch and ends its lease; false when this instance no longer held
     * it (the lease ran out and another took over), so the batch may be read again.
     */
    public Mono<Boolean> advance(String reader, Batch batch) {
        if (batch.events().isEmpty()) {
            return release(reader).thenReturn(true);
        }
        return database.sql("UPDATE outbox_consumer SET position_tx = :tx::xid8, position_id = :id, leased_by = NULL, "
                        + "leased_until = NULL WHERE name = :reader AND leased_by = :holder")
                .bind("tx", batch.lastTx())
                .bind("id", batch.lastId())
                .bind("reader", reader)
                .bind("holder", holder)
                .fetch()
                .rowsUpdated()
                .map(updated -> updated > 0);
    }

    /** Ends this instance's lease on the reader's position without moving it. */
    public Mono<Void> release(String reader) {
        return database.sql("UPDATE outbox_consumer SET leased_by = NULL, leased_until = NULL "
                        + "WHERE name = :reader AND leased_by = :holder")
                .bind("reader", reader)
                .bind("holder", holder)
                .then();
    }

    /** The changes of these types (all when empty) after the reader's position. */
    public Mono<Lag> lag(String reader, Collection<String> types) {
        return database.sql("SELECT count(*) AS n, min(e.occurred_at) AS oldest FROM outbox_event e "
                        + "LEFT JOIN outbox_consumer c ON c.name = :reader WHERE " + AFTER_POSITION)
                .bind("reader", reader)
                .bind("types", types.toArray(String[]::new))
                .map(row -> {
                    var oldest = row.get("oldest", OffsetDateTime.class);
                    return new Lag(row.get("n", Long.class), oldest == null ? null : oldest.toInstant());
                })
                .one();
    }

    /** How many changes of these types wait for the reader. */
    public Mono<Long> backlog(String reader, String... types) {
        return lag(reader, List.of(types)).map(Lag::events);
    }

    /** Ids of current trials that name one of these sites. */
    public Flux<String> trialsAtSites(List<String> siteIds) {
        if (siteIds.isEmpty()) {
            return Flux.empty();
        }
        return database.sql("SELECT DISTINCT source_id FROM fhir_reference WHERE target_type = 'Location' "
                        + "AND source_type = 'ResearchStudy' AND target_id = ANY(:ids)")
                .bind("ids", siteIds.toArray(String[]::new))
                .map(row -> row.get("source_id", String.class))
                .all();
    }
}
