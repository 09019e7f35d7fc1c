package dk.trialport.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Appends to and reads the audit log of personal data. */
@Repository
public class AuditLog {

    private final DatabaseClient database;

    AuditLog(DatabaseClient database) {
        this.database = database;
    }

    /**
     * One access to personal data.
     *
     * @param actor who: a person's pseudonymous id, an investigator's user name or a system's client id
     * @param personRef whose data: the person's pseudonymous id (never a name or national ID), or null for an access
     *     that names nobody Trialport knows (a clinician's SMART launch)
     */
    public record Entry(
            Instant at,
            String actor,
            String actorRole,
            String action,
            String personRef,
            String resource,
            String reason) {}

    public Mono<Void> record(
            String actor, String actorRole, String action, String personRef, String resource, String reason) {
        var spec = database.sql("INSERT INTO audit_event (actor, actor_role, action, person_ref, resource, reason) "
                        + "VALUES (:actor, :role, :action, :person, :resource, :reason)")
                .bind("actor", actor)
                .bind("role", actorRole)
                .bind("action", action);
        spec = personRef == null ? spec.bindNull("person", String.class) : spec.bind("person", personRef);
        spec = resource == null ? spec.bindNull("resource", String.class) : spec.bind("resource", resource);
        spec = reason == null ? spec.bindNull("reason", String.class) : spec.bind("reason", reason);
        return spec.then();
    }

    /** The same access to several people's data (e.g. a list of candidates), one entry per person, in one statement. */
    public Mono<Void> recordEach(
            String actor,
            String actorRole,
            String action,
            java.util.Collection<String> personRefs,
            String resource,
            String reason) {
        if (personRefs.isEmpty()) {
            return Mono.empty();
        }
        return database.sql("INSERT INTO audit_event (actor, actor_role, action, person_ref, resource, reason) "
                        + "SELECT :actor, :role, :action, person, :resource, :reason FROM unnest(:people) AS person")
                .bind("actor", actor)
                .bind("role", actorRole)
                .bind("action", action)
                .bind("people", personRefs.toArray(String[]::new))
                .bind("resource", resource)
                .bind("reason", reason)
                .then();
    }

    /** What was done with one person's data, newest first. */
    public Flux<Entry> about(String personRef) {
        return database.sql("SELECT * FROM audit_event WHERE person_ref = :person ORDER BY occurred_at DESC, id DESC")
                .bind("person", personRef)
                .map(row -> new Entry(
                        row.get("occurred_at", OffsetDateTime.class).toInstant(),
                        row.get("actor", String.class),
                        row.get("actor_role", String.class),
                        row.get("action", String.class),
                        row.get("person_ref", String.class),
                        row.get("resource", String.class),
                        row.get("reason", String.class)))
                .all();
    }
}
