package dk.trialport.notify;

import dk.trialport.catalogue.TrialProjectionStore;
import dk.trialport.platform.PollingWorker;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends the queued mails, run by the {@link PollingWorker}: claims due mails, asks each recipient's
 * {@link Recipients} for the address now, sends, marks it sent. When the mail server fails, the mail stays and is
 * tried again after a wait that doubles up to {@code max-backoff}; a mail whose recipient or trial is gone is
 * dropped. Without {@code spring.mail.host} nothing is sent and mails wait.
 */
@Component
class MailWorker implements PollingWorker.Consumer {

    private static final Logger log = LoggerFactory.getLogger(MailWorker.class);
    private static final Duration LEASE = Duration.ofMinutes(2);
    /**
     * The longest wait of the loop after a failed round (PostgreSQL down): shorter than a mail's own backoff, so mails
     * go out soon after the database is back.
     */
    private static final Duration ROUND_MAX_BACKOFF = Duration.ofSeconds(30);

    private final MailQueue queue;
    private final TrialProjectionStore trials;
    private final Map<String, Recipients> recipients = new HashMap<>();
    private final Mails mails;
    private final ObjectProvider<JavaMailSender> sender;
    private final NotifyProperties properties;
    /** Whether the mail server failed the last try: an outage is logged when it starts and when it ends, not per mail. */
    private boolean serverDown;

    MailWorker(
            MailQueue queue,
            TrialProjectionStore trials,
            List<Recipients> recipients,
            Mails mails,
            ObjectProvider<JavaMailSender> sender,
            NotifyProperties properties) {
        this.queue = queue;
        this.trials = trials;
        recipients.forEach(known -> known.kinds().forEach(kind -> this.recipients.put(kind, known)));
        this.mails = mails;
        this.sender = sender;
        this.properties = properties;
    }

    @Override
    public String name() {
        return "mail-sender";
    }

    @Override
    public PollingWorker.Pace pace() {
        var max =
                properties.maxBackoff().compareTo(ROUND_MAX_BACKOFF) < 0 ? properties.maxBackoff() : ROUND_MAX_BACKOFF;
        return new PollingWorker.Pace(properties.poll(), properties.firstBackoff(), max);
    }

    /** The wait before a mail's next try after {@code failures} failed tries. */
    private Duration retryIn(int failures) {
        return new PollingWorker.Pace(properties.poll(), properties.firstBackoff(), properties.maxBackoff())
                .backoff(failures);
    }

    @Override
    public boolean enabled() {
        if (sender.getIfAvailable() == null) {
            log.warn("No mail server configured (spring.mail.host): e-mail notifications wait in the queue");
            return false;
        }
        return true;
    }

    @Override
    public int runBatch() {
        var due = queue.claimDue(properties.batchSize(), LEASE).collectList().block();
        var mailSender = sender.getObject();
        due.forEach(mail -> send(mailSender, mail));
        return due.size();
    }

    @Override
    public PollingWorker.Lag lag() {
        var backlog = queue.backlog().block();
        return backlog.oldest() == null
                ? PollingWorker.Lag.NONE
                : new PollingWorker.Lag(backlog.mails(), Duration.between(backlog.oldest(), OffsetDateTime.now()));
    }

    private void send(JavaMailSender mailSender, MailQueue.Mail mail) {
        var known = recipients.get(mail.to().kind());
        if (known == null) {
            queue.retryLater(mail.id(), retryIn(mail.attempts() + 1)).block();
            log.warn(
                    "Mail {} waits: nothing answers for recipients of kind {}",
                    mail.id(),
                    mail.to().kind());
            return;
        }
        var trial = trials.find(mail.trialId()).block();
        var address = known.address(mail.to()).block();
        if (address == null || trial == null) {
            queue.drop(mail.id()).block();
            log.info("Mail {} dropped: no address or no trial any more", mail.id());
            return;
        }
        if (!queue.stillClaimed(mail, LEASE).block()) {
            log.info("Mail {} not sent here: its lease ran out and another sender has it", mail.id());
            return;
        }
        try {
            mailSender.send(mails.write(mail.template(), address, trial));
            queue.sent(mail.id()).block();
            if (serverDown) {
                serverDown = false;
                log.info("The mail server takes mails again");
            }
            log.info("Mail {} sent after {} earlier tries", mail.id(), mail.attempts());
        } catch (MailException e) {
            var wait = retryIn(mail.attempts() + 1);
            queue.retryLater(mail.id(), wait).block();
            if (!serverDown) {
                serverDown = true;
                // The type only: a mail server's message can name the recipient.
                log.warn(
                        "The mail server does not take mails; they wait and are tried again ({})",
                        e.getClass().getSimpleName());
            }
            log.debug(
                    "Mail {} not sent (try {}), next try in {}: {}",
                    mail.id(),
                    mail.attempts() + 1,
                    wait,
                    e.getClass().getSimpleName());
        }
    }
}
