package dk.trialport.recruitment.infrastructure;

import dk.trialport.notify.Mailing;
import dk.trialport.notify.Recipient;
import dk.trialport.recruitment.RecruitmentProperties;
import dk.trialport.recruitment.model.CandidateStatus;
import dk.trialport.recruitment.model.Consent;
import dk.trialport.recruitment.model.ConsentEvent;
import dk.trialport.recruitment.model.ContactChannel;
import dk.trialport.recruitment.model.InterestRegistration;
import dk.trialport.recruitment.model.SharedRegistration;
import dk.trialport.recruitment.model.TrialWindow;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Interest registrations, people and consent events in PostgreSQL; contact details and messages encrypted. */
@Repository
public class RegistrationStore {

    private final DatabaseClient database;
    private final FieldCipher cipher;
    private final Mailing mailing;

    RegistrationStore(DatabaseClient database, RecruitmentProperties properties, Mailing mailing) {
        this.database = database;
        this.mailing = mailing;
        this.cipher = new FieldCipher(properties.encryptionKey());
    }

    /** The person's pseudonymous id for a login subject, created on first use. */
    public Mono<UUID> personFor(String subject) {
        return database.sql("INSERT INTO person (id, subject) VALUES (:id, :subject) ON CONFLICT (subject) DO NOTHING")
                .bind("id", UUID.randomUUID())
                .bind("subject", subject)
                .then()
                .then(database.sql("SELECT id FROM person WHERE subject = :subject")
                        .bind("subject", subject)
                        .map(row -> row.get("id", UUID.class))
                        .one());
    }

    /** The person's id for a login subject, if they have one. */
    public Mono<UUID> existingPerson(String subject) {
        return database.sql("SELECT id FROM person WHERE subject = :subject")
                .bind("subject", subject)
                .map(row -> row.get("id", UUID.class))
                .one();
    }

    public Mono<InterestRegistration> find(UUID personId, String trialId) {
        return database.sql("SELECT * FROM interest_registration WHERE person_id = :person AND trial_id = :trial")
                .bind("person", personId)
                .bind("trial", trialId)
                .map(this::registration)
                .one();
    }

    public Mono<InterestRegistration> find(UUID id) {
        return database.sql("SELECT * FROM interest_registration WHERE id = :id")
                .bind("id", id)
                .map(this::registration)
                .one();
    }

    /** Every registration for one trial (its candidates), newest first. */
    public Flux<InterestRegistration> ofTrial(String trialId) {
        return database.sql("SELECT * FROM interest_registration WHERE trial_id = :trial ORDER BY created_at DESC, id")
                .bind("trial", trialId)
                .map(this::registration)
                .all();
    }

    /** Every registration of one person, newest first. */
    public Flux<InterestRegistration> ofPerson(UUID personId) {
        return database.sql("SELECT * FROM interest_registration WHERE person_id = :person ORDER BY created_at DESC")
                .bind("person", personId)
                .map(this::registration)
                .all();
    }

    /** One registration as its trial team may see it, or what is left of it after the person erased it. */
    public Mono<SharedRegistration> shared(UUID id) {
        return database.sql("SELECT * FROM interest_registration WHERE id = :id")
                .bind("id", id)
                .map(this::sharedRow)
                .one()
                .switchIfEmpty(database.sql("SELECT * FROM erased_registration WHERE id = :id")
                        .bind("id", id)
                        .map(RegistrationStore::erasedRow)
                        .one());
    }

    /**
     * Up to {@code limit} of a trial's registrations in the window, as its team may see them, oldest change first:
     * the living ones and the erased ones (at the time they were erased), merged.
     */
    public Flux<SharedRegistration> shared(TrialWindow window, int limit) {
        var order = " ORDER BY updated_at, id LIMIT :limit";
        var living = bind(
                        database.sql("SELECT * FROM interest_registration WHERE " + conditions(window) + order), window)
                .bind("limit", limit)
                .map(this::sharedRow)
                .all();
        var erased = bind(database.sql("SELECT * FROM erased_registration WHERE " + conditions(window) + order), window)
                .bind("limit", limit)
                .map(RegistrationStore::erasedRow)
                .all();
        return Flux.mergeComparing(
                        java.util.Comparator.comparing(SharedRegistration::updatedAt)
                                .thenComparing(SharedRegistration::id),
                        living,
                        erased)
                .take(limit);
    }

    /** How many of a trial's registrations (living or erased) changed in the window (the paging position aside). */
    public Mono<Long> countShared(TrialWindow window) {
        var whole = new TrialWindow(window.trialId(), window.from(), window.before(), null, null);
        return Flux.just("interest_registration", "erased_registration")
                .concatMap(table -> bind(
                                database.sql("SELECT count(*) AS n FROM " + table + " WHERE " + conditions(whole)),
                                whole)
                        .map(row -> row.get("n", Long.class))
                        .one())
                .reduce(0L, Long::sum);
    }

    /** A trial's erased registrations, newest first, for its team's list. */
    public Flux<SharedRegistration> erasedOf(String trialId) {
        return database.sql("SELECT * FROM erased_registration WHERE trial_id = :trial ORDER BY updated_at DESC")
                .bind("trial", trialId)
                .map(RegistrationStore::erasedRow)
                .all();
    }

    /**
     * Leaves a tombstone of every registration of the person, so its team and their systems learn of the erasure;
     * call in the transaction that deletes the person.
     */
    public Mono<Void> eraseRegistrationsOf(UUID personId) {
        return database.sql("INSERT INTO erased_registration (id, trial_id, created_at, updated_at) "
                        + "SELECT id, trial_id, created_at, now() FROM interest_registration WHERE person_id = :person")
                .bind("person", personId)
                .then();
    }

    private static SharedRegistration erasedRow(Readable row) {
        return SharedRegistration.erased(
                row.get("id", UUID.class),
                row.get("trial_id", String.class),
                instant(row, "created_at"),
                instant(row, "updated_at"));
    }

    private static String conditions(TrialWindow window) {
        return "trial_id = :trial" + (window.from() == null ? "" : " AND updated_at >= :from")
                + (window.before() == null ? "" : " AND updated_at < :before")
                + (window.afterUpdated() == null ? "" : " AND (updated_at, id) > (:afterUpdated, :afterId)");
    }

    private static DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec spec, TrialWindow window) {
        spec = spec.bind("trial", window.trialId());
        spec = window.from() == null ? spec : spec.bind("from", at(window.from()));
        spec = window.before() == null ? spec : spec.bind("before", at(window.before()));
        return window.afterUpdated() == null
                ? spec
                : spec.bind("afterUpdated", at(window.afterUpdated())).bind("afterId", window.afterId());
    }

    /** How many registrations the person made or renewed since {@code since}. */
    public Mono<Long> countSince(UUID personId, Instant since) {
        return database.sql("SELECT count(*) AS n FROM consent_event WHERE person_id = :person AND kind = 'given' "
                        + "AND occurred_at > :since")
                .bind("person", personId)
                .bind("since", since.atOffset(ZoneOffset.UTC))
                .map(row -> row.get("n", Long.class))
                .one();
    }

    /** Inserts or replaces a registration. */
    public Mono<Void> save(InterestRegistration r) {
        var spec = database.sql("INSERT INTO interest_registration (id, person_id, trial_id, status, contact_channel, "
                        + "contact_encrypted, message_encrypted, consent_version, consented_at, withdrawn_at, created_at, updated_at, "
                        + "contact_shared_at) VALUES (:id, :person, :trial, :status, :channel, :contact, :message, :version, "
                        + ":consented, :withdrawn, :created, :updated, :shared) ON CONFLICT (id) DO UPDATE SET status = excluded.status, "
                        + "contact_channel = excluded.contact_channel, contact_encrypted = excluded.contact_encrypted, "
                        + "message_encrypted = excluded.message_encrypted, consent_version = excluded.consent_version, "
                        + "consented_at = excluded.consented_at, withdrawn_at = excluded.withdrawn_at, updated_at = excluded.updated_at, "
                        + "contact_shared_at = excluded.contact_shared_at")
                .bind("id", r.id())
                .bind("person", r.personId())
                .bind("trial", r.trialId())
                .bind("status", r.status().code())
                .bind("channel", r.channel().code())
                .bind("version", r.consent().textVersion())
                .bind("consented", at(r.consent().givenAt()))
                .bind("created", at(r.createdAt()))
                .bind("updated", at(r.updatedAt()));
        spec = bytes(spec, "contact", cipher.encrypt(r.contact()));
        spec = bytes(spec, "message", cipher.encrypt(r.message()));
        spec = r.withdrawnAt() == null
                ? spec.bindNull("withdrawn", OffsetDateTime.class)
                : spec.bind("withdrawn", at(r.withdrawnAt()));
        spec = r.contactSharedAt() == null
                ? spec.bindNull("shared", OffsetDateTime.class)
                : spec.bind("shared", at(r.contactSharedAt()));
        return spec.then();
    }

    /** Records consent given or withdrawn, with the version of the text. */
    public Mono<Void> consentEvent(InterestRegistration r, String kind, Instant at) {
        return consentEvent(r, kind, r.consent().textVersion(), at);
    }

    /** Records a consent event about a registration with the version of the text shown for it. */
    public Mono<Void> consentEvent(InterestRegistration r, String kind, String textVersion, Instant at) {
        return database.sql("INSERT INTO consent_event (person_id, registration_id, kind, text_version, occurred_at) "
                        + "VALUES (:person, :registration, :kind, :version, :at)")
                .bind("person", r.personId())
                .bind("registration", r.id())
                .bind("kind", kind)
                .bind("version", textVersion)
                .bind("at", at(at))
                .then();
    }

    /** Consent events of one person, oldest first, for My page and the export. */
    public Flux<ConsentEvent> consentEvents(UUID personId) {
        return database.sql("SELECT * FROM consent_event WHERE person_id = :person ORDER BY occurred_at, id")
                .bind("person", personId)
                .map(row -> new ConsentEvent(
                        row.get("registration_id", UUID.class),
                        row.get("profile_id", UUID.class),
                        row.get("kind", String.class),
                        row.get("text_version", String.class),
                        row.get("occurred_at", OffsetDateTime.class).toInstant()))
                .all();
    }

    /** Tells the trial team (a {@code team_notification}), in the same transaction as the change. */
    public Mono<Void> notifyTeam(String kind, InterestRegistration r) {
        return database.sql(
                        "INSERT INTO team_notification (kind, trial_id, registration_id) VALUES (:kind, :trial, :id)")
                .bind("kind", kind)
                .bind("trial", r.trialId())
                .bind("id", r.id())
                .then();
    }

    /**
     * Tells the trial team and queues a mail to them (at the trial's contact address, read when the mail is sent),
     * in the same transaction as the change.
     */
    public Mono<Void> notifyTeamByMail(String kind, InterestRegistration r) {
        return notifyTeam(kind, r)
                .then(mailing.queue(Mailing.Template.NEW_CANDIDATE, r.trialId(), Recipient.teamOf(r.trialId())));
    }

    /**
     * Deletes the person and everything they gave (registrations, profile, notifications, consents cascade) and the
     * mails not yet sent to them.
     */
    public Mono<Void> deletePerson(UUID personId) {
        return database.sql("SELECT id FROM interest_registration WHERE person_id = :person")
                .bind("person", personId)
                .map(row -> MailRecipients.registrant(row.get("id", UUID.class)))
                .all()
                .concatWith(Mono.just(MailRecipients.profileOf(personId)))
                .concatMap(mailing::cancel)
                .then(database.sql("DELETE FROM person WHERE id = :person")
                        .bind("person", personId)
                        .then());
    }

    private InterestRegistration registration(Readable row) {
        return new InterestRegistration(
                row.get("id", UUID.class),
                row.get("person_id", UUID.class),
                row.get("trial_id", String.class),
                CandidateStatus.of(row.get("status", String.class)),
                ContactChannel.of(row.get("contact_channel", String.class)).orElseThrow(),
                cipher.decrypt(row.get("contact_encrypted", byte[].class)),
                cipher.decrypt(row.get("message_encrypted", byte[].class)),
                new Consent(row.get("consent_version", String.class), instant(row, "consented_at")),
                row.get("withdrawn_at", OffsetDateTime.class) == null ? null : instant(row, "withdrawn_at"),
                instant(row, "created_at"),
                instant(row, "updated_at"),
                row.get("contact_shared_at", OffsetDateTime.class) == null ? null : instant(row, "contact_shared_at"));
    }

    private SharedRegistration sharedRow(Readable row) {
        var sharedAt = row.get("contact_shared_at", OffsetDateTime.class);
        return SharedRegistration.of(registration(row), sharedAt == null ? null : sharedAt.toInstant());
    }

    private static DatabaseClient.GenericExecuteSpec bytes(
            DatabaseClient.GenericExecuteSpec spec, String name, byte[] value) {
        return value == null ? spec.bindNull(name, byte[].class) : spec.bind(name, java.nio.ByteBuffer.wrap(value));
    }

    private static Instant instant(Readable row, String column) {
        return row.get(column, OffsetDateTime.class).toInstant();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
