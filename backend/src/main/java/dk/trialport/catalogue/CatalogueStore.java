package dk.trialport.catalogue;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Stores resources with every version, their identifiers, references, trial projection and an
 * outbox event, each write in one transaction.
 */
@Repository
public class CatalogueStore {

    private static final Logger log = LoggerFactory.getLogger(CatalogueStore.class);

    private final DatabaseClient database;
    private final TransactionalOperator transaction;
    private final TrialProjectionStore trials;
    private final SiteProjectionStore sites;
    private final SameContent sameContent;

    CatalogueStore(
            DatabaseClient database,
            TransactionalOperator transaction,
            TrialProjectionStore trials,
            SiteProjectionStore sites,
            SameContent sameContent) {
        this.database = database;
        this.transaction = transaction;
        this.trials = trials;
        this.sites = sites;
        this.sameContent = sameContent;
    }

    /** Creates a new resource with a server-assigned id. */
    public Mono<Written> create(String type, Function<VersionStamp, ResourceContent> content) {
        return write(type, UUID.randomUUID().toString(), null, "POST", content).as(transaction::transactional);
    }

    /** Creates a new resource with an id the caller chose (transactions assign ids before writing). */
    public Mono<Written> create(String type, String id, Function<VersionStamp, ResourceContent> content) {
        return write(type, id, null, "POST", content).as(transaction::transactional);
    }

    /**
     * Creates {@code type/id} or makes a new version of it; with {@code expectedVersion} only if that
     * is the current version.
     */
    public Mono<Written> put(
            String type, String id, Integer expectedVersion, Function<VersionStamp, ResourceContent> content) {
        return write(type, id, expectedVersion, "PUT", content).as(transaction::transactional);
    }

    /** Runs {@code work} in one transaction, holding a lock named by {@code key} (conditional writes). */
    public <T> Mono<T> exclusively(String key, Mono<T> work) {
        return database.sql("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .bind("key", key)
                .then()
                .then(work)
                .as(transaction::transactional);
    }

    /** Marks the resource deleted: a new version without body. Deleting a deleted resource is a no-op. */
    public Mono<StoredResource> delete(String type, String id, Integer expectedVersion) {
        return current(type, id, true)
                .switchIfEmpty(Mono.error(new CatalogueException.NotFound(type, id)))
                .flatMap(current -> {
                    if (expectedVersion != null && expectedVersion != current.version()) {
                        return Mono.error(
                                new CatalogueException.VersionConflict(type, id, expectedVersion, current.version()));
                    }
                    if (current.deleted()) {
                        return Mono.just(current);
                    }
                    var stamp = new VersionStamp(id, current.version() + 1, now());
                    return insertVersion(type, stamp, true, "DELETE", null)
                            .then(database.sql(
                                            "UPDATE fhir_resource SET version = :version, last_updated = :updated, deleted = true "
                                                    + "WHERE resource_type = :type AND id = :id")
                                    .bind("version", stamp.version())
                                    .bind("updated", offset(stamp.lastUpdated()))
                                    .bind("type", type)
                                    .bind("id", id)
                                    .then())
                            .then(replaceIndexes(type, id, null))
                            .then("ResearchStudy".equals(type) ? trials.remove(id) : Mono.empty())
                            .then("Location".equals(type) ? sites.remove(id) : Mono.empty())
                            .then(outbox(type, stamp, "DELETED"))
                            .thenReturn(new StoredResource(type, id, stamp.version(), stamp.lastUpdated(), true, null));
                })
                .doOnNext(stored -> log.info("Deleted {}/{} (version {})", type, id, stored.version()))
                .as(transaction::transactional);
    }

    /** The current version, including a deleted one. */
    public Mono<StoredResource> read(String type, String id) {
        return current(type, id, false);
    }

    /** A given version. */
    public Mono<StoredResource> readVersion(String type, String id, int version) {
        return database.sql(
                        "SELECT * FROM fhir_resource_version WHERE resource_type = :type AND id = :id AND version = :version")
                .bind("type", type)
                .bind("id", id)
                .bind("version", version)
                .map(CatalogueStore::version)
                .one();
    }

    /** Every version of one resource, newest first. */
    public Flux<StoredResource> history(String type, String id) {
        return database.sql(
                        "SELECT * FROM fhir_resource_version WHERE resource_type = :type AND id = :id ORDER BY version DESC")
                .bind("type", type)
                .bind("id", id)
                .map(CatalogueStore::version)
                .all();
    }

    /** Every version of every resource of a type changed after {@code since}, newest first. */
    public Flux<StoredResource> typeHistory(String type, Instant since, int limit) {
        return database.sql("SELECT * FROM fhir_resource_version WHERE resource_type = :type AND last_updated > :since "
                        + "ORDER BY last_updated DESC, id, version DESC LIMIT :limit")
                .bind("type", type)
                .bind("since", offset(since == null ? Instant.EPOCH : since))
                .bind("limit", limit)
                .map(CatalogueStore::version)
                .all();
    }

    /** Ids of current, not deleted resources carrying an identifier ({@code system} null: any system). */
    public Flux<String> idsByIdentifier(String type, String system, String value) {
        var sql =
                "SELECT DISTINCT i.id FROM fhir_identifier i JOIN fhir_resource r ON r.resource_type = i.resource_type "
                        + "AND r.id = i.id WHERE i.resource_type = :type AND i.value = :value AND NOT r.deleted"
                        + (system == null ? "" : " AND i.system = :system");
        var spec = database.sql(sql).bind("type", type).bind("value", value);
        if (system != null) {
            spec = spec.bind("system", system);
        }
        return spec.map(row -> row.get("id", String.class)).all();
    }

    /** A resource's id with the value of one of its identifiers. */
    public record IdentifiedBy(String id, String value) {}

    /** Every current, not deleted resource of a type with an identifier of {@code system}. */
    public Flux<IdentifiedBy> identifiersOf(String type, String system) {
        return database.sql(
                        "SELECT i.id, i.value FROM fhir_identifier i JOIN fhir_resource r ON r.resource_type = "
                                + "i.resource_type AND r.id = i.id WHERE i.resource_type = :type AND i.system = :system AND NOT r.deleted")
                .bind("type", type)
                .bind("system", system)
                .map(row -> new IdentifiedBy(row.get("id", String.class), row.get("value", String.class)))
                .all();
    }

    private Mono<Written> write(
            String type,
            String id,
            Integer expectedVersion,
            String method,
            Function<VersionStamp, ResourceContent> content) {
        return current(type, id, true)
                .map(current -> {
                    if (expectedVersion != null && expectedVersion != current.version()) {
                        throw new CatalogueException.VersionConflict(type, id, expectedVersion, current.version());
                    }
                    return current;
                })
                .map(java.util.Optional::of)
                .defaultIfEmpty(java.util.Optional.empty())
                .flatMap(found -> {
                    if (found.isEmpty() && expectedVersion != null) {
                        return Mono.error(new CatalogueException.NotFound(type, id));
                    }
                    int version = found.map(current -> current.version() + 1).orElse(1);
                    var stamp = new VersionStamp(id, version, now());
                    var written = content.apply(stamp);
                    if (found.isPresent()
                            && !found.get().deleted()
                            && sameContent.test(found.get().body(), written.body())) {
                        log.debug("{}/{} unchanged: no new version", type, id);
                        return Mono.just(new Written(found.get(), false));
                    }
                    var upsert = database.sql(
                                    "INSERT INTO fhir_resource (resource_type, id, version, last_updated, deleted) "
                                            + "VALUES (:type, :id, :version, :updated, false) ON CONFLICT (resource_type, id) DO UPDATE "
                                            + "SET version = excluded.version, last_updated = excluded.last_updated, deleted = false")
                            .bind("type", type)
                            .bind("id", id)
                            .bind("version", version)
                            .bind("updated", offset(stamp.lastUpdated()))
                            .then();
                    return upsert.then(insertVersion(type, stamp, false, method, written.body()))
                            .then(replaceIndexes(type, id, written))
                            .then(written.trial() == null ? Mono.empty() : trials.save(written.trial()))
                            .then(written.site() == null ? Mono.empty() : sites.save(written.site()))
                            .then(outbox(type, stamp, version == 1 ? "CREATED" : "UPDATED"))
                            .thenReturn(new Written(
                                    new StoredResource(type, id, version, stamp.lastUpdated(), false, written.body()),
                                    found.isEmpty()))
                            .doOnNext(stored -> log.info("Stored {}/{} version {}", type, id, version));
                });
    }

    private Mono<StoredResource> current(String type, String id, boolean forUpdate) {
        var read = database.sql(
                        "SELECT v.* FROM fhir_resource r JOIN fhir_resource_version v ON v.resource_type = r.resource_type "
                                + "AND v.id = r.id AND v.version = r.version WHERE r.resource_type = :type AND r.id = :id")
                .bind("type", type)
                .bind("id", id)
                .map(CatalogueStore::version)
                .one();
        if (!forUpdate) {
            return read;
        }
        // Lock first, then read in a new statement: a join locked FOR UPDATE while another writer commits is
        // re-checked against the old version row and finds nothing (a concurrent If-Match loser saw 404, not 412).
        return database.sql("SELECT version FROM fhir_resource WHERE resource_type = :type AND id = :id FOR UPDATE")
                .bind("type", type)
                .bind("id", id)
                .fetch()
                .all()
                .then(read);
    }

    private Mono<Void> insertVersion(String type, VersionStamp stamp, boolean deleted, String method, String body) {
        var spec = database.sql(
                        "INSERT INTO fhir_resource_version (resource_type, id, version, last_updated, deleted, method, body) "
                                + "VALUES (:type, :id, :version, :updated, :deleted, :method, :body)")
                .bind("type", type)
                .bind("id", stamp.id())
                .bind("version", stamp.version())
                .bind("updated", offset(stamp.lastUpdated()))
                .bind("deleted", deleted)
                .bind("method", method);
        spec = body == null ? spec.bindNull("body", String.class) : spec.bind("body", body);
        return spec.then();
    }

    private Mono<Void> replaceIndexes(String type, String id, ResourceContent content) {
        var clear = database.sql("DELETE FROM fhir_identifier WHERE resource_type = :type AND id = :id")
                .bind("type", type)
                .bind("id", id)
                .then()
                .then(database.sql("DELETE FROM fhir_reference WHERE source_type = :type AND source_id = :id")
                        .bind("type", type)
                        .bind("id", id)
                        .then());
        if (content == null) {
            return clear;
        }
        var identifiers = Flux.fromIterable(content.identifiers())
                .concatMap(token -> database.sql(
                                "INSERT INTO fhir_identifier (resource_type, id, system, value) VALUES (:type, :id, :system, :value)")
                        .bind("type", type)
                        .bind("id", id)
                        .bind("system", token.system() == null ? "" : token.system())
                        .bind("value", token.value())
                        .then());
        var references = Flux.fromIterable(content.references())
                .concatMap(link -> database.sql(
                                "INSERT INTO fhir_reference (source_type, source_id, path, target_type, target_id) "
                                        + "VALUES (:type, :id, :path, :targetType, :targetId)")
                        .bind("type", type)
                        .bind("id", id)
                        .bind("path", link.path())
                        .bind("targetType", link.targetType())
                        .bind("targetId", link.targetId())
                        .then());
        return clear.thenMany(identifiers).thenMany(references).then();
    }

    private Mono<Void> outbox(String type, VersionStamp stamp, String change) {
        return database.sql("INSERT INTO outbox_event (resource_type, resource_id, version, change) "
                        + "VALUES (:type, :id, :version, :change)")
                .bind("type", type)
                .bind("id", stamp.id())
                .bind("version", stamp.version())
                .bind("change", change)
                .then();
    }

    static StoredResource version(Readable row) {
        return new StoredResource(
                row.get("resource_type", String.class),
                row.get("id", String.class),
                row.get("version", Integer.class),
                row.get("last_updated", OffsetDateTime.class).toInstant(),
                Boolean.TRUE.equals(row.get("deleted", Boolean.class)),
                row.get("body", String.class));
    }

    /** PostgreSQL keeps microseconds; so does every stamp, so what is returned equals what is read back. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private static OffsetDateTime offset(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
