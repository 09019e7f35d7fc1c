package dk.trialport.identity;

import dk.trialport.availability.Outages;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.MapSession;
import org.springframework.session.ReactiveSessionRepository;
import reactor.core.publisher.Mono;

/**
 * The pages' login sessions in PostgreSQL ({@code web_session}), so any instance answers a person who logged in on
 * another: Spring Session's {@link ReactiveSessionRepository} over R2DBC, behind WebFlux's {@code WebSession}
 * ({@link SessionConfiguration}). The attributes (Spring Security's context with the OpenID login, the CSRF token, a
 * login under way, the clinician app's handle to its launch) are Java-serialised, as Spring Security's classes are meant to be, and
 * read back only as classes of the JDK, Spring, the JWT library and Trialport. A session the running version cannot
 * read (a class changed in an upgrade) counts as no session: the person logs in again.
 *
 * <p>While PostgreSQL is down, a session that cannot be stored is not (one warning, the request goes on: it answers
 * 503 where it needs the database), and one that cannot be read fails the request as any read of the database does.
 *
 * <p>An expired session is never read; {@link #removeExpired()} deletes expired rows in small claimed batches
 * ({@code FOR UPDATE SKIP LOCKED}), so any number of instances may run it at once without waiting for each other.
 */
class PostgresSessions implements ReactiveSessionRepository<MapSession> {

    private static final Logger log = LoggerFactory.getLogger(PostgresSessions.class);

    /** Only these classes come out of a stored session: the JDK's, Spring's, the JWT library's and Trialport's. */
    static final ObjectInputFilter READABLE = ObjectInputFilter.Config.createFilter(
            "maxdepth=20;maxrefs=10000;java.base/*;org.springframework.**;com.nimbusds.**;net.minidev.**;"
                    + "dk.trialport.**;!*");

    private static final int CLEANUP_BATCH = 1000;

    private final DatabaseClient database;
    private final Duration timeout;
    private final Clock clock;

    PostgresSessions(DatabaseClient database, Duration timeout, Clock clock) {
        this.database = database;
        this.timeout = timeout;
        this.clock = clock;
    }

    @Override
    public Mono<MapSession> createSession() {
        return Mono.fromSupplier(() -> {
            var session = new MapSession();
            session.setCreationTime(clock.instant());
            session.setLastAccessedTime(session.getCreationTime());
            session.setMaxInactiveInterval(timeout);
            return session;
        });
    }

    @Override
    public Mono<Void> save(MapSession session) {
        var renamed = !session.getId().equals(session.getOriginalId());
        var expires = session.getLastAccessedTime().plus(session.getMaxInactiveInterval());
        var upsert = database.sql("""
                        INSERT INTO web_session (id, created_at, last_accessed_at, max_inactive, expires_at, attributes)
                        VALUES (:id, :created, :accessed, make_interval(secs => :inactive), :expires, :attributes)
                        ON CONFLICT (id) DO UPDATE SET last_accessed_at = excluded.last_accessed_at,
                            max_inactive = excluded.max_inactive, expires_at = excluded.expires_at,
                            attributes = excluded.attributes""")
                .bind("id", session.getId())
                .bind("created", utc(session.getCreationTime()))
                .bind("accessed", utc(session.getLastAccessedTime()))
                .bind("inactive", (double) session.getMaxInactiveInterval().toSeconds())
                .bind("expires", utc(expires))
                .bind("attributes", ByteBuffer.wrap(write(session)))
                .then();
        // A new id (Spring Security changes it at login, against session fixation): the old one is gone at once.
        return (renamed ? deleteById(session.getOriginalId()).then(upsert) : upsert)
                .onErrorResume(e -> Outages.of(e).isPresent(), e -> {
                    // PostgreSQL is down: the request answers as it can (a 503 where it needs the database); what
                    // this request changed in the session is not kept. One line, no stack trace, no session id.
                    log.warn("A session could not be stored: PostgreSQL is unavailable ({})", e.toString());
                    return Mono.empty();
                });
    }

    @Override
    public Mono<MapSession> findById(String id) {
        return database.sql("""
                        SELECT id, created_at, last_accessed_at, extract(epoch FROM max_inactive)::bigint AS inactive,
                               attributes
                          FROM web_session WHERE id = :id AND expires_at > :now""")
                .bind("id", id)
                .bind("now", utc(clock.instant()))
                .map(row -> {
                    var session = new MapSession(row.get("id", String.class));
                    session.setCreationTime(
                            row.get("created_at", OffsetDateTime.class).toInstant());
                    session.setLastAccessedTime(
                            row.get("last_accessed_at", OffsetDateTime.class).toInstant());
                    session.setMaxInactiveInterval(Duration.ofSeconds(row.get("inactive", Long.class)));
                    return read(row.get("attributes", ByteBuffer.class)).map(attributes -> {
                        attributes.forEach(session::setAttribute);
                        return session;
                    });
                })
                .one()
                .flatMap(Mono::justOrEmpty);
    }

    @Override
    public Mono<Void> deleteById(String id) {
        return database.sql("DELETE FROM web_session WHERE id = :id")
                .bind("id", id)
                .then();
    }

    /** Deletes expired sessions, a claimed batch at a time; safe on any number of instances at once. */
    @Scheduled(
            fixedDelayString = "${trialport.sessions.cleanup-interval:5m}",
            initialDelayString = "${trialport.sessions.cleanup-interval:5m}")
    void removeExpired() {
        removeExpiredNow()
                .onErrorResume(e -> {
                    log.warn("Could not remove expired sessions: {}", e.toString());
                    return Mono.just(0L);
                })
                .block();
    }

    /** Deletes expired sessions now: how many. */
    Mono<Long> removeExpiredNow() {
        return removeExpiredBatch()
                .expand(removed -> removed == CLEANUP_BATCH ? removeExpiredBatch() : Mono.empty())
                .reduce(0L, Long::sum);
    }

    private Mono<Long> removeExpiredBatch() {
        return database.sql("""
                        DELETE FROM web_session WHERE id IN (
                            SELECT id FROM web_session WHERE expires_at <= :now
                             LIMIT :batch FOR UPDATE SKIP LOCKED)""")
                .bind("now", utc(clock.instant()))
                .bind("batch", CLEANUP_BATCH)
                .fetch()
                .rowsUpdated();
    }

    private static byte[] write(MapSession session) {
        var attributes = new HashMap<String, Object>();
        for (var name : session.getAttributeNames()) {
            attributes.put(name, session.getAttribute(name));
        }
        var bytes = new ByteArrayOutputStream();
        try (var out = new ObjectOutputStream(bytes)) {
            out.writeObject(attributes);
        } catch (IOException e) {
            // A class that cannot be serialised in a session is a bug: named, never its content.
            throw new UncheckedIOException("A session attribute cannot be stored: " + e.getMessage(), e);
        }
        return bytes.toByteArray();
    }

    @SuppressWarnings("unchecked")
    private static Optional<Map<String, Object>> read(ByteBuffer stored) {
        var bytes = new byte[stored.remaining()];
        stored.get(bytes);
        try (var in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            in.setObjectInputFilter(READABLE);
            return Optional.of((Map<String, Object>) in.readObject());
        } catch (InvalidClassException | ClassNotFoundException e) {
            log.info("A stored session could not be read ({}); it counts as none", e.toString());
            return Optional.empty();
        } catch (IOException e) {
            log.warn("A stored session could not be read ({}); it counts as none", e.toString());
            return Optional.empty();
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
