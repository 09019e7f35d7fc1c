package dk.trialport.registry;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/** The live syncs' positions in PostgreSQL ({@code registry_sync}), committed after every page. */
@Component
class SyncCursors {

    /** Where a registry's sync is; {@code nextPage} null with {@code running}: the run's first page. */
    record Cursor(
            boolean running,
            LocalDate since,
            String nextPage,
            int pagesDone,
            OffsetDateTime runStartedAt,
            LocalDate completedSince) {

        static final Cursor NONE = new Cursor(false, null, null, 0, null, null);
    }

    private final DatabaseClient database;

    SyncCursors(DatabaseClient database) {
        this.database = database;
    }

    Cursor read(RegistrySource source) {
        return database.sql("SELECT running, since, next_page, pages_done, run_started_at, completed_since"
                        + " FROM registry_sync WHERE source = :source")
                .bind("source", source.code())
                .map(row -> new Cursor(
                        Boolean.TRUE.equals(row.get("running", Boolean.class)),
                        row.get("since", LocalDate.class),
                        row.get("next_page", String.class),
                        row.get("pages_done", Integer.class),
                        row.get("run_started_at", OffsetDateTime.class),
                        row.get("completed_since", LocalDate.class)))
                .one()
                .defaultIfEmpty(Cursor.NONE)
                .block();
    }

    void save(RegistrySource source, Cursor cursor) {
        var spec = database.sql("""
                INSERT INTO registry_sync
                    (source, running, since, next_page, pages_done, run_started_at, completed_since, updated_at)
                VALUES (:source, :running, :since, :nextPage, :pagesDone, :started, :completed, now())
                ON CONFLICT (source) DO UPDATE SET running = EXCLUDED.running, since = EXCLUDED.since,
                    next_page = EXCLUDED.next_page, pages_done = EXCLUDED.pages_done,
                    run_started_at = EXCLUDED.run_started_at, completed_since = EXCLUDED.completed_since,
                    updated_at = now()""")
                .bind("source", source.code())
                .bind("running", cursor.running())
                .bind("pagesDone", cursor.pagesDone());
        spec = cursor.since() == null ? spec.bindNull("since", LocalDate.class) : spec.bind("since", cursor.since());
        spec = cursor.nextPage() == null
                ? spec.bindNull("nextPage", String.class)
                : spec.bind("nextPage", cursor.nextPage());
        spec = cursor.runStartedAt() == null
                ? spec.bindNull("started", OffsetDateTime.class)
                : spec.bind("started", cursor.runStartedAt());
        spec = cursor.completedSince() == null
                ? spec.bindNull("completed", LocalDate.class)
                : spec.bind("completed", cursor.completedSince());
        spec.then().block();
    }
}
