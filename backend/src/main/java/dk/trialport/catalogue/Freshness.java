package dk.trialport.catalogue;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whether a trial's record is current: the one rule of a stale record. A trial is fresh for {@link #FRESH_FOR}
 * after its last change ({@link #changedAt}) or its team's last confirmation, whichever is later; and a trial that
 * still says it is recruiting is stale once its period has ended. An imported trial's last change is its registry
 * record's, as the registry dates it: a record nobody touched since 2019 is stale the day Trialport first reads it. The team confirms with one click in the workspace
 * ({@link #confirm}); a confirmation is a change the search index hears of (an outbox event), so the flag and the
 * ranking follow at once.
 */
@Component
public class Freshness {

    /** How long a change or confirmation keeps a trial current. */
    public static final Period FRESH_FOR = Period.ofMonths(12);

    /** How often a stale trial's team is reminded at most. */
    public static final Period NUDGE_EVERY = Period.ofMonths(1);

    /**
     * A change of an imported trial made this long after the import's own last change is the team's own, made in
     * Trialport (an import stamps its time just before it writes, so its own write lands within seconds of it).
     */
    static final Duration CHANGED_HERE_AFTER = Duration.ofMinutes(10);

    private final DatabaseClient database;
    private final TransactionalOperator transaction;
    private final JsonMapper json;

    Freshness(DatabaseClient database, TransactionalOperator transaction, JsonMapper json) {
        this.database = database;
        this.transaction = transaction;
        this.json = json;
    }

    /**
     * The first instant at which the trial counts as stale: {@link #FRESH_FOR} after its last change or confirmation,
     * or, for a trial that says it is recruiting, the end of its period when that comes first.
     */
    public static Instant freshUntil(Trial trial, Instant confirmedAt) {
        var since = currentSince(trial, confirmedAt);
        var until = since.atOffset(ZoneOffset.UTC).plus(FRESH_FOR).toInstant();
        if ("recruiting".equals(trial.effectiveRecruitmentStatus())
                && trial.periodEnd() != null
                && trial.periodEnd().isBefore(until)) {
            return trial.periodEnd();
        }
        return until;
    }

    /**
     * When the trial last changed as freshness counts it: for a trial its team keeps here, its last version; for one
     * imported from registries, when its newest registry record last changed at its registry, or its last version
     * when the team changed it here after the last import.
     */
    public static Instant changedAt(Trial trial) {
        if (trial.registryUpdated() == null) {
            return trial.lastUpdated();
        }
        var changedHere = trial.lastImported() == null
                || trial.lastUpdated().isAfter(trial.lastImported().plus(CHANGED_HERE_AFTER));
        return changedHere && trial.lastUpdated().isAfter(trial.registryUpdated())
                ? trial.lastUpdated()
                : trial.registryUpdated();
    }

    /** Since when the trial has been neither changed ({@link #changedAt}) nor confirmed by its team. */
    public static Instant currentSince(Trial trial, Instant confirmedAt) {
        var changed = changedAt(trial);
        return confirmedAt != null && confirmedAt.isAfter(changed) ? confirmedAt : changed;
    }

    /** Whether the trial is stale at {@code now}. */
    public static boolean isStale(Trial trial, Instant confirmedAt, Instant now) {
        return !freshUntil(trial, confirmedAt).isAfter(now);
    }

    /** When each of these trials' teams last confirmed it; trials never confirmed are left out. */
    public Mono<Map<String, Instant>> confirmedAt(Collection<String> trialIds) {
        if (trialIds.isEmpty()) {
            return Mono.just(Map.of());
        }
        return database.sql("SELECT id, confirmed_at FROM trial WHERE id = ANY(:ids) AND confirmed_at IS NOT NULL")
                .bind("ids", trialIds.toArray(String[]::new))
                .map(row -> Map.entry(
                        row.get("id", String.class),
                        row.get("confirmed_at", OffsetDateTime.class).toInstant()))
                .all()
                .collect(HashMap::new, (map, entry) -> map.put(entry.getKey(), entry.getValue()));
    }

    /** When this trial's team last confirmed it; empty when never. */
    public Mono<Instant> confirmedAt(String trialId) {
        return confirmedAt(java.util.List.of(trialId)).flatMap(map -> Mono.justOrEmpty(map.get(trialId)));
    }

    /**
     * The team confirms the trial is current at {@code now}: recorded, and told to the index through the outbox in
     * the same transaction. False for an unknown trial.
     */
    public Mono<Boolean> confirm(String trialId, Instant now) {
        return database.sql("UPDATE trial SET confirmed_at = :now WHERE id = :id RETURNING version")
                .bind("now", now.atOffset(ZoneOffset.UTC))
                .bind("id", trialId)
                .map(row -> row.get("version", Integer.class))
                .one()
                .flatMap(version -> changed(trialId, version))
                .defaultIfEmpty(false)
                .as(transaction::transactional);
    }

    /** Tells the index of the confirmation through the outbox, in the confirmation's transaction. */
    private Mono<Boolean> changed(String trialId, int version) {
        return database.sql("INSERT INTO outbox_event (resource_type, resource_id, version, change) "
                        + "VALUES ('ResearchStudy', :id, :version, 'UPDATED')")
                .bind("id", trialId)
                .bind("version", version)
                .then()
                .thenReturn(true);
    }

    /**
     * The team confirms through the link mailed to it ({@link ConfirmationLinks}), issued at {@code issuedAt}: as
     * {@link #confirm}, unless the trial was confirmed since the link was made (the link is then used up). True when
     * this call confirmed it.
     */
    public Mono<Boolean> confirmByLink(String trialId, Instant issuedAt, Instant now) {
        return database.sql("UPDATE trial SET confirmed_at = :now WHERE id = :id AND status <> :draft "
                        + "AND (confirmed_at IS NULL OR confirmed_at < :issued) RETURNING version")
                .bind("now", now.atOffset(ZoneOffset.UTC))
                .bind("id", trialId)
                .bind("draft", Trial.DRAFT)
                .bind("issued", issuedAt.atOffset(ZoneOffset.UTC))
                .map(row -> row.get("version", Integer.class))
                .one()
                .flatMap(version -> changed(trialId, version))
                .defaultIfEmpty(false)
                .as(transaction::transactional);
    }

    /**
     * Public trials stale at {@code now} whose team was not reminded within {@link #NUDGE_EVERY}: those to nudge.
     */
    public Flux<Trial> dueForNudge(Instant now) {
        return database.sql("SELECT id, confirmed_at, projection FROM trial WHERE status <> :draft "
                        + "AND (nudged_at IS NULL OR nudged_at <= :since) ORDER BY id")
                .bind("draft", Trial.DRAFT)
                .bind("since", now.atOffset(ZoneOffset.UTC).minus(NUDGE_EVERY))
                .map(row -> {
                    var confirmed = row.get("confirmed_at", OffsetDateTime.class);
                    return Map.entry(
                            row.get("projection", io.r2dbc.postgresql.codec.Json.class)
                                    .asString(),
                            confirmed == null ? Instant.EPOCH : confirmed.toInstant());
                })
                .all()
                .map(entry -> Map.entry(json.readValue(entry.getKey(), Trial.class), entry.getValue()))
                .filter(entry -> isStale(entry.getKey(), entry.getValue(), now))
                .map(Map.Entry::getKey);
    }

    /**
     * Records that the team of a trial was nudged at {@code now}, unless it already was within {@link #NUDGE_EVERY}
     * (another instance, say): true when this call recorded it, so the caller sends the one nudge of the period.
     */
    public Mono<Boolean> markNudged(String trialId, Instant now) {
        return database.sql(
                        "UPDATE trial SET nudged_at = :now WHERE id = :id AND (nudged_at IS NULL OR nudged_at <= :since)")
                .bind("now", now.atOffset(ZoneOffset.UTC))
                .bind("since", now.atOffset(ZoneOffset.UTC).minus(NUDGE_EVERY))
                .bind("id", trialId)
                .fetch()
                .rowsUpdated()
                .map(updated -> updated > 0);
    }
}
