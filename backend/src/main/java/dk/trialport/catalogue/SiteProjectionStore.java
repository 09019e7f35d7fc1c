package dk.trialport.catalogue;

import io.r2dbc.postgresql.codec.Json;
import java.time.ZoneOffset;
import java.util.Collection;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** The typed projection of current sites, kept beside the resources in the same transaction. */
@Repository
public class SiteProjectionStore {

    private final DatabaseClient database;
    private final JsonMapper json;

    SiteProjectionStore(DatabaseClient database, JsonMapper json) {
        this.database = database;
        this.json = json;
    }

    Mono<Void> save(Site site) {
        return database.sql("INSERT INTO site (id, version, last_updated, projection) VALUES (:id, :version, :updated, "
                        + ":projection) ON CONFLICT (id) DO UPDATE SET version = excluded.version, "
                        + "last_updated = excluded.last_updated, projection = excluded.projection")
                .bind("id", site.id())
                .bind("version", site.version())
                .bind("updated", site.lastUpdated().atOffset(ZoneOffset.UTC))
                .bind("projection", Json.of(json.writeValueAsString(site)))
                .then();
    }

    Mono<Void> remove(String id) {
        return database.sql("DELETE FROM site WHERE id = :id").bind("id", id).then();
    }

    /** The current sites among {@code ids}; ids of deleted or unknown sites are left out. */
    public Flux<Site> find(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Flux.empty();
        }
        return database.sql("SELECT projection FROM site WHERE id = ANY(:ids)")
                .bind("ids", ids.toArray(String[]::new))
                .map(this::site)
                .all();
    }

    /** Every current site, by name (the workspace offers them as sites of a trial). */
    public Flux<Site> all() {
        return database.sql("SELECT projection FROM site ORDER BY projection->>'name', id")
                .map(this::site)
                .all();
    }

    private Site site(io.r2dbc.spi.Readable row) {
        return json.readValue(row.get("projection", Json.class).asString(), Site.class);
    }
}
