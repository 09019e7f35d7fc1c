package dk.trialport.recruitment.infrastructure;

import dk.trialport.notify.Mailing;
import dk.trialport.recruitment.model.Notification;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** What people were told about trials that match their profile: the portal inbox, and e-mails queued with notify. */
@Repository
public class NotificationStore {

    private final DatabaseClient database;
    private final Mailing mailing;

    NotificationStore(DatabaseClient database, Mailing mailing) {
        this.database = database;
        this.mailing = mailing;
    }

    /**
     * Tells the person of a matching trial, once ever: true when this is new (and then an e-mail is queued if
     * {@code email}), false when they were told before.
     */
    public Mono<Boolean> tell(UUID personId, String trialId, boolean inInbox, boolean email) {
        return database.sql(
                        "INSERT INTO person_notification (person_id, trial_id, in_inbox) VALUES (:person, :trial, :inbox) "
                                + "ON CONFLICT (person_id, trial_id) DO NOTHING RETURNING id")
                .bind("person", personId)
                .bind("trial", trialId)
                .bind("inbox", inInbox)
                .map(row -> row.get("id", Long.class))
                .one()
                .flatMap(id -> (email
                                ? mailing.queue(
                                        Mailing.Template.MATCHING_TRIAL, trialId, MailRecipients.profileOf(personId))
                                : Mono.<Void>empty())
                        .thenReturn(true))
                .defaultIfEmpty(false);
    }

    /** Every notification of one person, newest first. */
    public Flux<Notification> ofPerson(UUID personId) {
        return database.sql(
                        "SELECT id, trial_id, in_inbox, created_at FROM person_notification WHERE person_id = :person "
                                + "ORDER BY created_at DESC, id DESC")
                .bind("person", personId)
                .map(row -> new Notification(
                        row.get("id", Long.class),
                        row.get("trial_id", String.class),
                        row.get("in_inbox", Boolean.class),
                        row.get("created_at", OffsetDateTime.class).toInstant()))
                .all();
    }
}
