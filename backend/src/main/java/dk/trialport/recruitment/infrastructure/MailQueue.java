package dk.trialport.recruitment.infrastructure;

import dk.trialport.recruitment.RecruitmentProperties;
import java.time.Duration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * E-mails waiting in {@code notification_outbox}, to people and to trial teams. A sender claims due mails for a
 * while (so several instances never send one twice at once), then marks each sent or puts it back for later.
 */
@Repository
public class MailQueue {

  private final DatabaseClient database;
  private final FieldCipher cipher;

  MailQueue(DatabaseClient database, RecruitmentProperties properties) {
    this.database = database;
    this.cipher = new FieldCipher(properties.encryptionKey());
  }

  /**
   * One mail to send. A person's address is read now: from the profile for a matching trial, from the
   * registration (contact by e-mail) for a new message, so it is null when they deleted it or no longer want
   * e-mail. A mail to the trial team has no address here: the sender reads the trial's contact address.
   *
   * @param kind the outbox row's kind (e.g. {@link NotificationStore#MATCH_MAIL}, {@link CandidateStore#MESSAGE_MAIL},
   *     {@code interest-registered})
   */
  public record Mail(long id, String kind, String trialId, int attempts, boolean toTeam, String address) {}

  /** Claims up to {@code limit} due mails for {@code lease}, oldest first. */
  public Flux<Mail> claimDue(int limit, Duration lease) {
    return database.sql("WITH due AS (SELECT id FROM notification_outbox WHERE sent_at IS NULL "
            + "AND mail_to IS NOT NULL AND next_attempt_at <= now() ORDER BY next_attempt_at, id "
            + "LIMIT :limit FOR UPDATE SKIP LOCKED), "
            + "claimed AS (UPDATE notification_outbox o SET next_attempt_at = now() + make_interval(secs => :lease) "
            + "FROM due WHERE o.id = due.id RETURNING o.id, o.kind, o.mail_to, o.trial_id, o.attempts, "
            + "o.person_notification_id, o.registration_id) "
            + "SELECT c.id, c.kind, c.mail_to, c.trial_id, c.attempts, "
            + "coalesce(p.email_encrypted, r.contact_encrypted) AS address_encrypted FROM claimed c "
            + "LEFT JOIN person_notification n ON n.id = c.person_notification_id "
            + "LEFT JOIN interest_profile p ON p.person_id = n.person_id AND p.notify_email "
            + "LEFT JOIN interest_registration r ON r.id = c.registration_id AND c.mail_to = 'person' "
            + "AND c.person_notification_id IS NULL AND r.contact_channel = 'email' AND r.status <> 'withdrawn' "
            + "ORDER BY c.id")
        .bind("limit", limit).bind("lease", (double) lease.toSeconds())
        .map(row -> new Mail(row.get("id", Long.class), row.get("kind", String.class), row.get("trial_id", String.class),
            row.get("attempts", Integer.class), "team".equals(row.get("mail_to", String.class)),
            cipher.decrypt(row.get("address_encrypted", byte[].class))))
        .all();
  }

  public Mono<Void> sent(long id) {
    return database.sql("UPDATE notification_outbox SET sent_at = now(), attempts = attempts + 1 WHERE id = :id")
        .bind("id", id).then();
  }

  /** A failed try: the mail waits {@code backoff} before the next. */
  public Mono<Void> retryLater(long id, Duration backoff) {
    return database.sql("UPDATE notification_outbox SET attempts = attempts + 1, "
            + "next_attempt_at = now() + make_interval(secs => :wait) WHERE id = :id")
        .bind("id", id).bind("wait", backoff.toMillis() / 1000.0).then();
  }

  /**
   * A mail that can no longer go (no address, no trial), never sent: a mail to a person is removed; a mail to a
   * trial team stays as the team's notification, only no longer as a mail.
   */
  public Mono<Void> drop(long id) {
    return database.sql("DELETE FROM notification_outbox WHERE id = :id AND mail_to = 'person'").bind("id", id).then()
        .then(database.sql("UPDATE notification_outbox SET mail_to = NULL WHERE id = :id").bind("id", id).then());
  }

  /** How many mails wait to be sent. */
  public Mono<Long> backlog() {
    return database.sql("SELECT count(*) AS n FROM notification_outbox WHERE sent_at IS NULL "
            + "AND mail_to IS NOT NULL").map(row -> row.get("n", Long.class)).one();
  }
}
