package dk.trialport.support;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.r2dbc.spi.R2dbcException;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.junit.jupiter.SpringExtension;
import reactor.util.retry.Retry;

/**
 * Gives each test class empty application tables and no indices. Tables are emptied as the
 * database owner with triggers off for the session, so even the append-only audit log starts empty.
 */
class CleanSlate implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        var application = SpringExtension.getApplicationContext(context);
        emptyTables(application.getBean(DatabaseClient.class));
        deleteIndices(application.getBean(ElasticsearchClient.class));
    }

    private static void emptyTables(DatabaseClient database) {
        database.sql("""
            DO $$
            DECLARE tables TEXT;
            BEGIN
              SELECT string_agg(format('%I.%I', schemaname, tablename), ', ') INTO tables
                FROM pg_tables
               WHERE schemaname = current_schema() AND tablename <> 'flyway_schema_history';
              IF tables IS NOT NULL THEN
                EXECUTE 'ALTER TABLE audit_event DISABLE TRIGGER USER';
                EXECUTE 'TRUNCATE ' || tables || ' RESTART IDENTITY CASCADE';
                EXECUTE 'ALTER TABLE audit_event ENABLE TRIGGER USER';
              END IF;
            END $$""")
                .then()
                .retryWhen(Retry.backoff(5, Duration.ofMillis(200)).filter(CleanSlate::isDeadlock))
                .block();
    }

    /**
     * A worker of the previous test class (mail, matching, indexer) may still hold a row lock while
     * TRUNCATE takes its table locks; PostgreSQL then ends one of the two with a deadlock, and the
     * emptying is simply tried again.
     */
    private static boolean isDeadlock(Throwable error) {
        for (var cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof R2dbcException r2dbc && "40P01".equals(r2dbc.getSqlState())) {
                return true;
            }
        }
        return false;
    }

    private static void deleteIndices(ElasticsearchClient elasticsearch) throws IOException {
        var indices = elasticsearch.cat().indices(request -> request.index("*")).indices();
        for (var index : indices) {
            if (index.index() != null && !index.index().startsWith(".")) {
                elasticsearch.indices().delete(request -> request.index(index.index()));
            }
        }
    }
}
