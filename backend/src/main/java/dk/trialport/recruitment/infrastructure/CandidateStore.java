package dk.trialport.recruitment.infrastructure;

import dk.trialport.notify.Mailing;
import dk.trialport.recruitment.RecruitmentProperties;
import dk.trialport.recruitment.model.Message;
import dk.trialport.recruitment.model.Note;
import dk.trialport.recruitment.model.Summary;
import io.r2dbc.spi.Readable;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The trial team's notes on candidates and the messages between team and person, encrypted at rest. */
@Repository
public class CandidateStore {

    /** Senders of messages. */
    public static final String TEAM = "team";

    public static final String PERSON = "person";

    private final DatabaseClient database;
    private final FieldCipher cipher;
    private final Mailing mailing;

    CandidateStore(DatabaseClient database, RecruitmentProperties properties, Mailing mailing) {
        this.database = database;
        this.mailing = mailing;
        this.cipher = new FieldCipher(properties.encryptionKey());
    }

    public Mono<Void> addNote(UUID registrationId, String author, String body) {
        return database.sql(
                        "INSERT INTO candidate_note (registration_id, author, body_encrypted) VALUES (:r, :author, :body)")
                .bind("r", registrationId)
                .bind("author", author)
                .bind("body", ByteBuffer.wrap(cipher.encrypt(body)))
                .then();
    }

    /** The notes on a candidate, oldest first. */
    public Flux<Note> notes(UUID registrationId) {
        return database.sql("SELECT * FROM candidate_note WHERE registration_id = :r ORDER BY created_at, id")
                .bind("r", registrationId)
                .map(this::note)
                .all();
    }

    public Mono<Void> addMessage(UUID registrationId, String sender, String author, String body) {
        return database.sql("INSERT INTO candidate_message (registration_id, sender, author, body_encrypted) "
                        + "VALUES (:r, :sender, :author, :body)")
                .bind("r", registrationId)
                .bind("sender", sender)
                .bind("author", author)
                .bind("body", ByteBuffer.wrap(cipher.encrypt(body)))
                .then();
    }

    /** The thread of one registration, oldest first. */
    public Flux<Message> messages(UUID registrationId) {
        return database.sql("SELECT * FROM candidate_message WHERE registration_id = :r ORDER BY created_at, id")
                .bind("r", registrationId)
                .map(this::message)
                .all();
    }

    /** Every message of one person's registrations, oldest first (My page and the export). */
    public Flux<Message> messagesOfPerson(UUID personId) {
        return database.sql(
                        "SELECT m.* FROM candidate_message m JOIN interest_registration r ON r.id = m.registration_id "
                                + "WHERE r.person_id = :person ORDER BY m.created_at, m.id")
                .bind("person", personId)
                .map(this::message)
                .all();
    }

    /** Marks the messages {@code sender} wrote in the thread as read by the other side. */
    public Mono<Void> markRead(UUID registrationId, String sender) {
        return database.sql(
                        "UPDATE candidate_message SET read_at = now() WHERE registration_id = :r AND sender = :sender "
                                + "AND read_at IS NULL")
                .bind("r", registrationId)
                .bind("sender", sender)
                .then();
    }

    /** Marks every message from trial teams to this person as read. */
    public Mono<Void> markReadByPerson(UUID personId) {
        return database.sql(
                        "UPDATE candidate_message m SET read_at = now() FROM interest_registration r "
                                + "WHERE r.id = m.registration_id AND r.person_id = :person AND m.sender = 'team' AND m.read_at IS NULL")
                .bind("person", personId)
                .then();
    }

    /** Per candidate of a trial: unread messages from the person, how many notes, and the latest note. */
    public Flux<Summary> summaries(String trialId) {
        return database.sql("SELECT r.id, "
                        + "(SELECT count(*) FROM candidate_message m WHERE m.registration_id = r.id AND m.sender = 'person' "
                        + "AND m.read_at IS NULL) AS unread, "
                        + "(SELECT count(*) FROM candidate_note n WHERE n.registration_id = r.id) AS notes, "
                        + "l.id AS note_id, l.author, l.body_encrypted, l.created_at "
                        + "FROM interest_registration r LEFT JOIN LATERAL (SELECT * FROM candidate_note n WHERE n.registration_id = r.id "
                        + "ORDER BY n.created_at DESC, n.id DESC LIMIT 1) l ON true WHERE r.trial_id = :trial")
                .bind("trial", trialId)
                .map(row -> {
                    var id = row.get("id", UUID.class);
                    var latest = row.get("note_id", Long.class) == null
                            ? null
                            : new Note(
                                    row.get("note_id", Long.class),
                                    id,
                                    row.get("author", String.class),
                                    cipher.decrypt(row.get("body_encrypted", byte[].class)),
                                    instant(row, "created_at"));
                    return new Summary(id, row.get("unread", Long.class), row.get("notes", Long.class), latest);
                })
                .all();
    }

    /** Queues the e-mail that tells the person of a new message (it never carries the message itself). */
    public Mono<Void> queueMessageMail(UUID registrationId, String trialId) {
        return mailing.queue(Mailing.Template.TEAM_MESSAGE, trialId, MailRecipients.registrant(registrationId));
    }

    private Note note(Readable row) {
        return new Note(
                row.get("id", Long.class),
                row.get("registration_id", UUID.class),
                row.get("author", String.class),
                cipher.decrypt(row.get("body_encrypted", byte[].class)),
                instant(row, "created_at"));
    }

    private Message message(Readable row) {
        var read = row.get("read_at", OffsetDateTime.class);
        return new Message(
                row.get("id", Long.class),
                row.get("registration_id", UUID.class),
                row.get("sender", String.class),
                row.get("author", String.class),
                cipher.decrypt(row.get("body_encrypted", byte[].class)),
                instant(row, "created_at"),
                read == null ? null : read.toInstant());
    }

    private static Instant instant(Readable row, String column) {
        return row.get(column, OffsetDateTime.class).toInstant();
    }
}
