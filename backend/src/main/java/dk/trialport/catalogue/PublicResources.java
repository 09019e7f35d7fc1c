package dk.trialport.catalogue;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * The current resources anyone may take out of the catalogue in bulk (FHIR Bulk Data export, the nightly dump):
 * public trials (every trial but a draft, as {@link Trial#isPublic()} says) and the Locations and Organizations they
 * name as sites or sponsor (with the organizations managing those sites). Nothing else: no person's data, no
 * resource only a draft names.
 */
@Component
public class PublicResources {

    /** The resource types a bulk export may hold, in the order they are written. */
    public static final List<String> TYPES = List.of("ResearchStudy", "Location", "Organization");

    private static final String CURRENT = "SELECT r.id, r.version, r.last_updated, v.body FROM fhir_resource r "
            + "JOIN fhir_resource_version v ON v.resource_type = r.resource_type AND v.id = r.id AND v.version = r.version "
            + "WHERE r.resource_type = :type AND NOT r.deleted AND r.last_updated > :since AND ";

    private static final String PUBLIC_TRIAL_NAMES =
            "EXISTS (SELECT 1 FROM fhir_reference f JOIN trial t ON t.id = f.source_id "
                    + "AND t.status <> :draft WHERE f.source_type = 'ResearchStudy' AND f.target_id = %s AND f.path IN (%s))";

    private static final String PUBLIC_SITE = PUBLIC_TRIAL_NAMES.formatted("r.id", "'ResearchStudy.site'");

    private static final String PUBLIC_ORGANIZATION = "("
            + PUBLIC_TRIAL_NAMES.formatted("r.id", "'ResearchStudy.sponsor'")
            + " OR EXISTS (SELECT 1 FROM fhir_reference m WHERE m.source_type = 'Location' "
            + "AND m.path = 'Location.managingOrganization' AND m.target_id = r.id AND "
            + PUBLIC_TRIAL_NAMES.formatted("m.source_id", "'ResearchStudy.site'") + "))";

    private final DatabaseClient database;

    PublicResources(DatabaseClient database) {
        this.database = database;
    }

    /**
     * The current public resources of {@code type} (one of {@link #TYPES}) changed after {@code since} (null: all),
     * in id order, each with its stored JSON.
     */
    public Flux<StoredResource> current(String type, Instant since) {
        var condition = switch (type) {
            case "ResearchStudy" -> "EXISTS (SELECT 1 FROM trial t WHERE t.id = r.id AND t.status <> :draft)";
            case "Location" -> PUBLIC_SITE;
            case "Organization" -> PUBLIC_ORGANIZATION;
            default -> throw new IllegalArgumentException("Not a public type: " + type);
        };
        return database.sql(CURRENT + condition + " ORDER BY r.id")
                .bind("type", type)
                .bind("since", (since == null ? Instant.EPOCH : since).atOffset(ZoneOffset.UTC))
                .bind("draft", Trial.DRAFT)
                .map(row -> new StoredResource(
                        type,
                        row.get("id", String.class),
                        row.get("version", Integer.class),
                        row.get("last_updated", java.time.OffsetDateTime.class).toInstant(),
                        false,
                        row.get("body", String.class)))
                .all();
    }
}
