package dk.trialport.catalogue;

import java.time.Instant;
import java.time.OffsetDateTime;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the data-quality page counts of each public trial: its projection, when its team last confirmed it, and
 * whether its stored ResearchStudy names a contact (the projection does not carry contacts).
 */
@Component
public class TrialCompleteness {

    /** One public trial's facts. */
    public record Facts(Trial trial, Instant confirmedAt, boolean hasContact) {}

    private final DatabaseClient database;
    private final JsonMapper json;

    TrialCompleteness(DatabaseClient database, JsonMapper json) {
        this.database = database;
        this.json = json;
    }

    /** Every public trial's facts, in id order. */
    public Flux<Facts> all() {
        return database.sql("SELECT t.projection, t.confirmed_at, "
                        + "coalesce(jsonb_array_length(v.body::jsonb -> 'contact'), 0) > 0 AS has_contact "
                        + "FROM trial t JOIN fhir_resource r ON r.resource_type = 'ResearchStudy' AND r.id = t.id "
                        + "JOIN fhir_resource_version v ON v.resource_type = r.resource_type AND v.id = r.id "
                        + "AND v.version = r.version WHERE t.status <> :draft ORDER BY t.id")
                .bind("draft", Trial.DRAFT)
                .map(row -> {
                    var confirmed = row.get("confirmed_at", OffsetDateTime.class);
                    return new Facts(
                            json.readValue(
                                    row.get("projection", io.r2dbc.postgresql.codec.Json.class)
                                            .asString(),
                                    Trial.class),
                            confirmed == null ? null : confirmed.toInstant(),
                            Boolean.TRUE.equals(row.get("has_contact", Boolean.class)));
                })
                .all();
    }
}
