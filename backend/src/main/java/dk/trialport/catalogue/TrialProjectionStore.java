package dk.trialport.catalogue;

import io.r2dbc.postgresql.codec.Json;
import java.time.ZoneOffset;
import java.util.Collection;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** The typed projection of current trials, kept beside the resources in the same transaction. */
@Repository
public class TrialProjectionStore {

    private final DatabaseClient database;
    private final JsonMapper json;

    TrialProjectionStore(DatabaseClient database, JsonMapper json) {
        this.database = database;
        this.json = json;
    }

    Mono<Void> save(Trial trial) {
        return database.sql(
                        "INSERT INTO trial (id, version, last_updated, title, status, recruitment_status, projection) "
                                + "VALUES (:id, :version, :updated, :title, :status, :recruitment, :projection) ON CONFLICT (id) DO UPDATE SET "
                                + "version = excluded.version, last_updated = excluded.last_updated, title = excluded.title, "
                                + "status = excluded.status, recruitment_status = excluded.recruitment_status, projection = excluded.projection")
                .bind("id", trial.id())
                .bind("version", trial.version())
                .bind("updated", trial.lastUpdated().atOffset(ZoneOffset.UTC))
                .bind("title", trial.title())
                .bind("status", trial.status())
                .bind("recruitment", trial.recruitmentStatus() == null ? "" : trial.recruitmentStatus())
                .bind("projection", Json.of(json.writeValueAsString(trial)))
                .then();
    }

    Mono<Void> remove(String id) {
        return database.sql("DELETE FROM trial WHERE id = :id").bind("id", id).then();
    }

    /** One current trial. */
    public Mono<Trial> find(String id) {
        return database.sql("SELECT projection FROM trial WHERE id = :id")
                .bind("id", id)
                .map(row -> json.readValue(row.get("projection", Json.class).asString(), Trial.class))
                .one();
    }

    /** The current trials among {@code ids}; ids of deleted or unknown trials are left out. */
    public Flux<Trial> find(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Flux.empty();
        }
        return database.sql("SELECT projection FROM trial WHERE id = ANY(:ids)")
                .bind("ids", ids.toArray(String[]::new))
                .map(row -> json.readValue(row.get("projection", Json.class).asString(), Trial.class))
                .all();
    }

    /** How many current trials there are. */
    public Mono<Long> count() {
        return database.sql("SELECT count(*) AS n FROM trial")
                .map(row -> row.get("n", Long.class))
                .one();
    }

    /** Every current trial, in id order (reindexing reads this). */
    public Flux<Trial> all() {
        return database.sql("SELECT projection FROM trial ORDER BY id")
                .map(row -> json.readValue(row.get("projection", Json.class).asString(), Trial.class))
                .all();
    }
}
