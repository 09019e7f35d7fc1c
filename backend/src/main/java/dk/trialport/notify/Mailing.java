package dk.trialport.notify;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * How other modules send mail: {@link #queue} writes the mail to notify's queue in the caller's transaction, so
 * it goes if and only if the change that caused it commits; {@link MailWorker} sends it later.
 */
@Component
public class Mailing {

    /** The mails notify writes (texts in the message bundle under {@code key}), none with personal data. */
    public enum Template {
        /** To a person: a new trial matches their interest profile. */
        MATCHING_TRIAL("matching-trial", "mail.match", "/forsoeg/%s"),
        /** To a person: the trial team wrote to them (the message stays in the portal). */
        TEAM_MESSAGE("team-message", "mypage.messages.mail", "/min-side"),
        /** To a trial team: a new candidate. */
        NEW_CANDIDATE("new-candidate", "candidates.mail.team", "/arbejdsrum/forsoeg/%s/kandidater"),
        /** To a trial team: its public record looks stale; confirm it in one click or update it. */
        STALE_TRIAL("stale-trial", "mail.stale", "/arbejdsrum/forsoeg/%s");

        final String code;
        final String key;
        final String path;

        Template(String code, String key, String path) {
            this.code = code;
            this.key = key;
            this.path = path;
        }

        static Template of(String code) {
            for (var template : values()) {
                if (template.code.equals(code)) {
                    return template;
                }
            }
            throw new IllegalArgumentException("Unknown mail template " + code);
        }
    }

    private final DatabaseClient database;

    Mailing(DatabaseClient database) {
        this.database = database;
    }

    /** Queues a mail about a trial to a recipient, in the caller's transaction. */
    public Mono<Void> queue(Template template, String trialId, Recipient to) {
        return database.sql("INSERT INTO mail (template, trial_id, recipient_kind, recipient_id) "
                        + "VALUES (:template, :trial, :kind, :id)")
                .bind("template", template.code)
                .bind("trial", trialId)
                .bind("kind", to.kind())
                .bind("id", to.id())
                .then();
    }

    /** Forgets the mails not yet sent to a recipient (a person deleting their account). */
    public Mono<Void> cancel(Recipient to) {
        return database.sql("DELETE FROM mail WHERE recipient_kind = :kind AND recipient_id = :id AND sent_at IS NULL")
                .bind("kind", to.kind())
                .bind("id", to.id())
                .then();
    }
}
