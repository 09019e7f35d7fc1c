package dk.trialport.notify;

import java.time.Duration;
import java.time.OffsetDateTime;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The mails waiting in {@code mail}. A sender claims due mails for a while ({@code FOR UPDATE SKIP LOCKED} and a
 * lease, so several instances never send one twice at once), then marks each sent, puts it back for later, or drops
 * it.
 */
@Repository
class MailQueue {

    private final DatabaseClient database;

    MailQueue(DatabaseClient database) {
        this.database = database;
    }

    /**
     * One mail to send; the address is asked of the recipient's {@link Recipients} when it is sent.
     *
     * @param claimedUntil the end of this sender's lease on it: the claim's token
     */
    record Mail(
            long id,
            Mailing.Template template,
            String trialId,
            Recipient to,
            int attempts,
            OffsetDateTime claimedUntil) {}

    /** Claims up to {@code limit} due mails for {@code lease}, oldest first. */
    Flux<Mail> claimDue(int limit, Duration lease) {
        return database.sql("WITH due AS (SELECT id FROM mail WHERE sent_at IS NULL AND next_attempt_at <= now() "
                        + "ORDER BY next_attempt_at, id LIMIT :limit FOR UPDATE SKIP LOCKED) "
                        + "UPDATE mail m SET next_attempt_at = now() + make_interval(secs => :lease) FROM due WHERE m.id = due.id "
                        + "RETURNING m.id, m.template, m.trial_id, m.recipient_kind, m.recipient_id, m.attempts, "
                        + "m.next_attempt_at")
                .bind("limit", limit)
                .bind("lease", (double) lease.toSeconds())
                .map(row -> new Mail(
                        row.get("id", Long.class),
                        Mailing.Template.of(row.get("template", String.class)),
                        row.get("trial_id", String.class),
                        new Recipient(row.get("recipient_kind", String.class), row.get("recipient_id", String.class)),
                        row.get("attempts", Integer.class),
                        row.get("next_attempt_at", OffsetDateTime.class)))
                .all()
                .sort((a, b) -> Long.compare(a.id(), b.id()));
    }

    /**
     * Renews this sender's claim on {@code mail} for {@code lease} right before it is sent; false when its lease ran
     * out and another sender has claimed it since (or it was sent or dropped): then this one must not send it. So a
     * mail is sent twice only if a sender dies between sending and {@link #sent}.
     */
    Mono<Boolean> stillClaimed(Mail mail, Duration lease) {
        return database.sql("UPDATE mail SET next_attempt_at = now() + make_interval(secs => :lease) "
                        + "WHERE id = :id AND sent_at IS NULL AND next_attempt_at = :claimedUntil")
                .bind("id", mail.id())
                .bind("lease", (double) lease.toSeconds())
                .bind("claimedUntil", mail.claimedUntil())
                .fetch()
                .rowsUpdated()
                .map(updated -> updated == 1);
    }

    Mono<Void> sent(long id) {
        return database.sql("UPDATE mail SET sent_at = now(), attempts = attempts + 1 WHERE id = :id")
                .bind("id", id)
                .then();
    }

    /** A failed try: the mail waits {@code backoff} before the next. */
    Mono<Void> retryLater(long id, Duration backoff) {
        return database.sql(
                        "UPDATE mail SET attempts = attempts + 1, next_attempt_at = now() + make_interval(secs => :wait) "
                                + "WHERE id = :id")
                .bind("id", id)
                .bind("wait", backoff.toMillis() / 1000.0)
                .then();
    }

    /** A mail that can no longer go (no address, no trial): never sent, removed. */
    Mono<Void> drop(long id) {
        return database.sql("DELETE FROM mail WHERE id = :id").bind("id", id).then();
    }

    /** How many mails wait to be sent, and since when the oldest. */
    Mono<Backlog> backlog() {
        return database.sql("SELECT count(*) AS n, min(queued_at) AS oldest FROM mail WHERE sent_at IS NULL")
                .map(row -> new Backlog(row.get("n", Long.class), row.get("oldest", OffsetDateTime.class)))
                .one();
    }

    record Backlog(long mails, OffsetDateTime oldest) {}
}
