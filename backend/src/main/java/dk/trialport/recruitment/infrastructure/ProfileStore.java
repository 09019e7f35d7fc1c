package dk.trialport.recruitment.infrastructure;

import dk.trialport.recruitment.RecruitmentProperties;
import dk.trialport.recruitment.model.Consent;
import dk.trialport.recruitment.model.InterestProfile;
import dk.trialport.recruitment.model.Position;
import dk.trialport.recruitment.model.TrialFacts;
import io.r2dbc.spi.Readable;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Interest profiles in PostgreSQL: matching criteria in indexed columns, the e-mail address encrypted. */
@Repository
public class ProfileStore {

    private static final String COLUMNS = "id, person_id, areas, age_years, age_given_on, sex, healthy_volunteer, "
            + "postal_code, lat, lon, travel_km, notify_portal, notify_email, email_encrypted, consent_version, "
            + "consented_at, paused_at, created_at, updated_at";

    private final DatabaseClient database;
    private final FieldCipher cipher;

    ProfileStore(DatabaseClient database, RecruitmentProperties properties) {
        this.database = database;
        this.cipher = new FieldCipher(properties.encryptionKey());
    }

    /** The person's profile, if they have one. */
    public Mono<InterestProfile> ofPerson(UUID personId) {
        return database.sql("SELECT " + COLUMNS + " FROM interest_profile WHERE person_id = :person")
                .bind("person", personId)
                .map(this::profile)
                .one();
    }

    /** Inserts or replaces the person's profile. */
    public Mono<Void> save(InterestProfile p) {
        var email = cipher.encrypt(p.email());
        var spec = database.sql("INSERT INTO interest_profile (" + COLUMNS + ") VALUES (:id, :person, :areas, :age, "
                        + ":givenOn, :sex, :healthy, :postal, :lat, :lon, :km, :portal, :notifyEmail, :email, :version, :consented, "
                        + ":paused, :created, :updated) ON CONFLICT (id) DO UPDATE SET areas = excluded.areas, "
                        + "age_years = excluded.age_years, age_given_on = excluded.age_given_on, sex = excluded.sex, "
                        + "healthy_volunteer = excluded.healthy_volunteer, postal_code = excluded.postal_code, lat = excluded.lat, "
                        + "lon = excluded.lon, travel_km = excluded.travel_km, notify_portal = excluded.notify_portal, "
                        + "notify_email = excluded.notify_email, email_encrypted = excluded.email_encrypted, "
                        + "consent_version = excluded.consent_version, consented_at = excluded.consented_at, "
                        + "paused_at = excluded.paused_at, updated_at = excluded.updated_at")
                .bind("id", p.id())
                .bind("person", p.personId())
                .bind("areas", p.areas().toArray(String[]::new))
                .bind("age", (short) p.ageYears())
                .bind("givenOn", p.ageGivenOn())
                .bind("sex", p.sex())
                .bind("healthy", p.healthyVolunteer())
                .bind("postal", p.postalCode())
                .bind("lat", p.home().lat())
                .bind("lon", p.home().lon())
                .bind("km", p.travelKm())
                .bind("portal", p.notifyInPortal())
                .bind("notifyEmail", email != null)
                .bind("version", p.consent().textVersion())
                .bind("consented", at(p.consent().givenAt()))
                .bind("created", at(p.createdAt()))
                .bind("updated", at(p.updatedAt()));
        spec = email == null ? spec.bindNull("email", byte[].class) : spec.bind("email", ByteBuffer.wrap(email));
        spec = p.pausedAt() == null
                ? spec.bindNull("paused", OffsetDateTime.class)
                : spec.bind("paused", at(p.pausedAt()));
        return spec.then();
    }

    /** How many profiles the registry holds, paused ones included. */
    public Mono<Long> count() {
        return database.sql("SELECT count(*) FROM interest_profile")
                .map(row -> row.get(0, Long.class))
                .one();
    }

    public Mono<Void> delete(UUID profileId) {
        return database.sql("DELETE FROM interest_profile WHERE id = :id")
                .bind("id", profileId)
                .then();
    }

    /** Records consent to the profile given or withdrawn, with the version of the text. */
    public Mono<Void> consentEvent(InterestProfile p, String kind, Instant at) {
        return database.sql("INSERT INTO consent_event (person_id, profile_id, kind, text_version, occurred_at) "
                        + "VALUES (:person, :profile, :kind, :version, :at)")
                .bind("person", p.personId())
                .bind("profile", p.id())
                .bind("kind", kind)
                .bind("version", p.consent().textVersion())
                .bind("at", at(at))
                .then();
    }

    /**
     * Active profiles that may match the trial, found with the indexes: a shared concept (or a healthy volunteer
     * when the trial takes them), age, sex and a box around the sites as wide as each profile's travel distance.
     * The caller applies the exact rules.
     */
    public Flux<InterestProfile> candidates(TrialFacts trial, LocalDate today) {
        if (trial.sites().isEmpty()) {
            return Flux.empty();
        }
        var topic = Boolean.TRUE.equals(trial.healthyVolunteers())
                ? "(areas && :concepts OR healthy_volunteer)"
                : "areas && :concepts";
        var healthy = Boolean.FALSE.equals(trial.healthyVolunteers()) ? " AND NOT healthy_volunteer" : "";
        var sex = trial.sex() == null ? "" : " AND sex = :sex";
        var spec = database.sql("SELECT " + COLUMNS + " FROM interest_profile WHERE paused_at IS NULL AND " + topic
                        + healthy + sex
                        + " AND age_years + date_part('year', age(:today, age_given_on)) BETWEEN :minAge AND :maxAge"
                        + " AND lat BETWEEN :minLat - travel_km / 111.2 AND :maxLat + travel_km / 111.2"
                        + " AND lon BETWEEN :minLon - travel_km / (111.2 * cos(radians(lat)))"
                        + " AND :maxLon + travel_km / (111.2 * cos(radians(lat)))")
                .bind("concepts", trial.concepts().toArray(String[]::new))
                .bind("today", today)
                .bind("minAge", trial.minimumAge() == null ? -1.0 : trial.minimumAge())
                .bind("maxAge", trial.maximumAge() == null ? 1000.0 : trial.maximumAge())
                .bind(
                        "minLat",
                        trial.sites().stream().mapToDouble(Position::lat).min().orElseThrow())
                .bind(
                        "maxLat",
                        trial.sites().stream().mapToDouble(Position::lat).max().orElseThrow())
                .bind(
                        "minLon",
                        trial.sites().stream().mapToDouble(Position::lon).min().orElseThrow())
                .bind(
                        "maxLon",
                        trial.sites().stream().mapToDouble(Position::lon).max().orElseThrow());
        if (trial.sex() != null) {
            spec = spec.bind("sex", trial.sex());
        }
        return spec.map(this::profile).all();
    }

    private InterestProfile profile(Readable row) {
        var paused = row.get("paused_at", OffsetDateTime.class);
        return new InterestProfile(
                row.get("id", UUID.class),
                row.get("person_id", UUID.class),
                List.of(row.get("areas", String[].class)),
                row.get("age_years", Short.class),
                row.get("age_given_on", LocalDate.class),
                row.get("sex", String.class),
                row.get("healthy_volunteer", Boolean.class),
                row.get("postal_code", String.class),
                new Position(row.get("lat", Double.class), row.get("lon", Double.class)),
                row.get("travel_km", Integer.class),
                row.get("notify_portal", Boolean.class),
                cipher.decrypt(row.get("email_encrypted", byte[].class)),
                new Consent(row.get("consent_version", String.class), instant(row, "consented_at")),
                paused == null ? null : paused.toInstant(),
                instant(row, "created_at"),
                instant(row, "updated_at"));
    }

    private static Instant instant(Readable row, String column) {
        return row.get(column, OffsetDateTime.class).toInstant();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
