package dk.trialport.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.trialport.support.TrialportIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

@TrialportIntegrationTest
class SchemaMigrationIT {

  @Autowired DatabaseClient database;

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
    database.sql("INSERT INTO audit_event (actor, actor_role, action, person_ref) VALUES ('tester', 'ADMIN', 'read', 'p-1')")
        .then().block();

    assertThatThrownBy(() -> database.sql("UPDATE audit_event SET action = 'nothing'").then().block())
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> database.sql("DELETE FROM audit_event").then().block())
        .hasMessageContaining("append-only");
    var actions = database.sql("SELECT action FROM audit_event").map(row -> row.get("action", String.class))
        .all().collectList().block();
    assertThat(actions).containsExactly("read");
  }
}
