package dk.trialport.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.trialport.support.TrialportIntegrationTest;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.r2dbc.core.DatabaseClient;

@TrialportIntegrationTest
class SchemaMigrationIT {

    @Autowired
    DatabaseClient database;

    @Test
    void flywayMigratedTheFreshDatabase() {
        var versions = database.sql("SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank")
                .map(row -> row.get("version", String.class))
                .all()
                .collectList()
                .block();
        assertThat(versions).startsWith("1");
    }

    @Test
    void theAuditLogKeepsWhatWasWrittenToIt() {
        database.sql(
                        "INSERT INTO audit_event (actor, actor_role, action, person_ref) VALUES ('tester', 'ADMIN', 'read', 'p-1')")
                .then()
                .block();

        assertThatThrownBy(() -> database.sql("UPDATE audit_event SET action = 'nothing'")
                        .then()
                        .block())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> database.sql("DELETE FROM audit_event").then().block())
                .hasMessageContaining("append-only");
        var actions = database.sql("SELECT action FROM audit_event")
                .map(row -> row.get("action", String.class))
                .all()
                .collectList()
                .block();
        assertThat(actions).containsExactly("read");
    }

    @Value("${spring.flyway.url}")
    String url;

    @Value("${spring.flyway.user}")
    String user;

    @Value("${spring.flyway.password}")
    String password;

    /** V12 and V13 on a database of V11 with rows in it (in a schema of its own): nothing waiting is lost. */
    @Test
    void mailsAndOutboxProgressCarryOverToNotifyAndTheReadersPositions() throws SQLException {
        var schema = "migration_v11";
        var flyway = Flyway.configure()
                .dataSource(url, user, password)
                .schemas(schema)
                .createSchemas(true)
                .locations("classpath:db/migration");
        flyway.target("11").load().migrate();
        try (var jdbc = flyway.load().getConfiguration().getDataSource().getConnection()) {
            jdbc.createStatement().execute("SET search_path TO " + schema);
            jdbc.createStatement().execute("""
          INSERT INTO person (id, subject) VALUES ('00000000-0000-0000-0000-000000000001', 'anne');
          INSERT INTO person_notification (person_id, trial_id, in_inbox)
            VALUES ('00000000-0000-0000-0000-000000000001', 't1', true);
          INSERT INTO notification_outbox (kind, trial_id, person_notification_id, mail_to, attempts)
            VALUES ('profile-match-mail', 't1', 1, 'person', 2);
          INSERT INTO notification_outbox (kind, trial_id, registration_id, mail_to)
            VALUES ('interest-registered', 't1', '00000000-0000-0000-0000-0000000000aa', 'team');
          INSERT INTO notification_outbox (kind, trial_id, registration_id, mail_to, sent_at)
            VALUES ('candidate-message-mail', 't1', '00000000-0000-0000-0000-0000000000aa', 'person', now());
          INSERT INTO notification_outbox (kind, trial_id, registration_id)
            VALUES ('interest-changed', 't1', '00000000-0000-0000-0000-0000000000aa');
          INSERT INTO outbox_event (resource_type, resource_id, version, change, indexed_at, matched_at)
            VALUES ('ResearchStudy', 't1', 1, 'CREATED', now(), now()),
                   ('ResearchStudy', 't1', 2, 'UPDATED', now(), NULL),
                   ('Location', 'l1', 1, 'CREATED', NULL, NULL),
                   ('ResearchStudy', 't2', 1, 'CREATED', NULL, NULL);
          """);
            flyway.target("latest").load().migrate();

            assertThat(rows(
                            jdbc,
                            "SELECT template, recipient_kind, recipient_id, attempts, "
                                    + "CASE WHEN sent_at IS NULL THEN 'waiting' ELSE 'sent' END FROM mail "
                                    + "ORDER BY id"))
                    .containsExactly(
                            "matching-trial profile 00000000-0000-0000-0000-000000000001 2 waiting",
                            "new-candidate trial-team t1 0 waiting",
                            "team-message registration 00000000-0000-0000-0000-0000000000aa 0 sent");
            assertThat(rows(jdbc, "SELECT kind FROM team_notification ORDER BY id"))
                    .as("what the team was told stays with recruitment")
                    .containsExactly("interest-registered", "interest-changed");
            assertThat(rows(jdbc, "SELECT name, position_id FROM outbox_consumer ORDER BY name"))
                    .as("each reader stands before its oldest change not yet handled")
                    .containsExactly("profile-matcher 1", "trial-indexer 2");
        } finally {
            try (var jdbc = flyway.load().getConfiguration().getDataSource().getConnection()) {
                jdbc.createStatement().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    private static List<String> rows(Connection jdbc, String sql) throws SQLException {
        var found = new ArrayList<String>();
        try (var result = jdbc.createStatement().executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                var row = new ArrayList<String>();
                for (int i = 1; i <= columns; i++) {
                    row.add(result.getString(i));
                }
                found.add(String.join(" ", row));
            }
        }
        return found;
    }
}
