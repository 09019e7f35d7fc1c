package dk.trialport.recruitment.infrastructure;

import dk.trialport.recruitment.RecruitmentProperties;
import dk.trialport.recruitment.model.InterestProfile;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Wrapped;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * Writes many new interest profiles at once, each with its person and the consent given, through PostgreSQL's
 * {@code COPY}: for the demo registry and benchmarks. The e-mail address is encrypted with the same cipher and
 * key as {@link ProfileStore} uses, so a copied profile reads back like any other. One batch is one transaction.
 */
@Repository
public class ProfileCopy {

    private static final String PERSON = "COPY person (id, subject, created_at) FROM STDIN";
    private static final String PROFILE = "COPY interest_profile (id, person_id, areas, age_years, age_given_on, sex, "
            + "healthy_volunteer, postal_code, lat, lon, travel_km, notify_portal, notify_email, email_encrypted, "
            + "consent_version, consented_at, paused_at, created_at, updated_at) FROM STDIN";
    private static final String CONSENT =
            "COPY consent_event (person_id, profile_id, kind, text_version, occurred_at) " + "FROM STDIN";
    private static final String NULL = "\\N";

    private final DatabaseClient database;
    private final FieldCipher cipher;

    ProfileCopy(DatabaseClient database, RecruitmentProperties properties) {
        this.database = database;
        this.cipher = new FieldCipher(properties.encryptionKey());
    }

    /** Inserts the profiles, keyed by their person's login subject; emits how many. Nobody may exist yet. */
    public Mono<Long> insert(Map<String, InterestProfile> profilesBySubject) {
        var people = rows(profilesBySubject, (subject, p) -> line(p.personId(), subject, p.createdAt()));
        var profiles = rows(profilesBySubject, (subject, p) -> {
            var email = cipher.encrypt(p.email());
            return line(
                    p.id(),
                    p.personId(),
                    "{" + String.join(",", p.areas()) + "}",
                    p.ageYears(),
                    p.ageGivenOn(),
                    p.sex(),
                    flag(p.healthyVolunteer()),
                    p.postalCode(),
                    p.home().lat(),
                    p.home().lon(),
                    p.travelKm(),
                    flag(p.notifyInPortal()),
                    flag(email != null),
                    email == null ? NULL : "\\\\x" + HexFormat.of().formatHex(email),
                    p.consent().textVersion(),
                    p.consent().givenAt(),
                    p.pausedAt() == null ? NULL : p.pausedAt(),
                    p.createdAt(),
                    p.updatedAt());
        });
        var consents = rows(
                profilesBySubject,
                (subject, p) -> line(
                        p.personId(),
                        p.id(),
                        "given",
                        p.consent().textVersion(),
                        p.consent().givenAt()));
        return database.inConnection(connection -> {
            var postgres = postgres(connection);
            return Mono.from(connection.beginTransaction())
                    .then(postgres.copyIn(PERSON, Mono.fromSupplier(() -> buffer(people))))
                    .then(postgres.copyIn(PROFILE, Mono.fromSupplier(() -> buffer(profiles))))
                    .then(postgres.copyIn(CONSENT, Mono.fromSupplier(() -> buffer(consents))))
                    .then(Mono.from(connection.commitTransaction()))
                    .onErrorResume(
                            error -> Mono.from(connection.rollbackTransaction()).then(Mono.error(error)))
                    .thenReturn((long) profilesBySubject.size());
        });
    }

    private interface Row {
        String of(String subject, InterestProfile profile);
    }

    private static String rows(Map<String, InterestProfile> profiles, Row row) {
        var text = new StringBuilder(profiles.size() * 200);
        profiles.forEach((subject, profile) -> text.append(row.of(subject, profile)));
        return text.toString();
    }

    /** One line of COPY's text format: tab-separated values ending in a newline (the values need no escaping). */
    private static String line(Object... values) {
        var line = new StringBuilder();
        for (var value : values) {
            line.append(line.isEmpty() ? "" : "\t").append(value);
        }
        return line.append('\n').toString();
    }

    private static String flag(boolean value) {
        return value ? "t" : "f";
    }

    private static ByteBuf buffer(String text) {
        return Unpooled.wrappedBuffer(text.getBytes(StandardCharsets.UTF_8));
    }

    private static PostgresqlConnection postgres(Connection connection) {
        Object current = connection;
        while (!(current instanceof PostgresqlConnection) && current instanceof Wrapped<?> wrapped) {
            current = wrapped.unwrap();
        }
        if (current instanceof PostgresqlConnection postgres) {
            return postgres;
        }
        throw new IllegalStateException("Bulk copy needs a PostgreSQL R2DBC connection, not " + connection.getClass());
    }
}
