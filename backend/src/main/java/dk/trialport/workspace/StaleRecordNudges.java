package dk.trialport.workspace;

import dk.trialport.catalogue.Freshness;
import dk.trialport.notify.Mailing;
import dk.trialport.notify.Recipient;
import dk.trialport.platform.Singletons;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Reminds the team of each stale trial ({@link Freshness}) by mail to confirm or update it: every morning under the
 * {@link Singletons} lock, so one instance does it; each trial's team at most once per {@link Freshness#NUDGE_EVERY}
 * (the time of the nudge is recorded with the queued mail in one transaction). The mail links to the trial's workspace
 * page with its one-click confirmation.
 */
@Component
class StaleRecordNudges {

    private static final Logger log = LoggerFactory.getLogger(StaleRecordNudges.class);

    private final Freshness freshness;
    private final Mailing mailing;
    private final Singletons singletons;
    private final TransactionalOperator transaction;
    private final Clock clock;

    StaleRecordNudges(
            Freshness freshness,
            Mailing mailing,
            Singletons singletons,
            TransactionalOperator transaction,
            Clock clock) {
        this.freshness = freshness;
        this.mailing = mailing;
        this.singletons = singletons;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Scheduled(cron = "${trialport.workspace.nudge-schedule:0 0 7 * * *}")
    void everyMorning() {
        if (!singletons.runAlone(
                "stale-record-nudges", () -> nudge(clock.instant()).block())) {
            log.info("Stale-record reminders are being sent by another instance; skipped");
        }
    }

    /** Queues a reminder to the team of each trial stale at {@code now} and not reminded within a month; how many. */
    Mono<Long> nudge(Instant now) {
        return freshness
                .dueForNudge(now)
                .concatMap(trial -> freshness
                        .markNudged(trial.id(), now)
                        .filter(Boolean::booleanValue)
                        .flatMap(marked -> mailing.queue(
                                        Mailing.Template.STALE_TRIAL, trial.id(), Recipient.teamOf(trial.id()))
                                .thenReturn(trial.id()))
                        .as(transaction::transactional))
                .count()
                .doOnNext(count -> log.info("Reminded the teams of {} stale trial(s)", count));
    }
}
