package dk.trialport.recruitment.application;

import dk.trialport.audit.AuditLog;
import dk.trialport.recruitment.infrastructure.NotificationStore;
import dk.trialport.recruitment.infrastructure.ProfileStore;
import dk.trialport.recruitment.infrastructure.TrialFactsReader;
import dk.trialport.recruitment.model.InterestProfile;
import dk.trialport.recruitment.model.ProfileMatching;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Tells people whose active profile matches a trial that is published or starts recruiting: a notification
 * in their portal inbox and, when they chose it, an e-mail through the notification outbox. Never the same
 * trial twice to the same person. Only the count is logged; the trial team never learns who was told.
 */
@Service
public class MatchingProfiles {

    private static final Logger log = LoggerFactory.getLogger(MatchingProfiles.class);
    private static final ZoneId DENMARK = ZoneId.of("Europe/Copenhagen");
    static final String ACTOR = "trialport-matching";

    private final TrialFactsReader facts;
    private final ProfileStore profiles;
    private final NotificationStore notifications;
    private final AuditLog audit;
    private final TransactionalOperator transaction;

    MatchingProfiles(
            TrialFactsReader facts,
            ProfileStore profiles,
            NotificationStore notifications,
            AuditLog audit,
            TransactionalOperator transaction) {
        this.facts = facts;
        this.profiles = profiles;
        this.notifications = notifications;
        this.audit = audit;
        this.transaction = transaction;
    }

    /** Matches one trial against every active profile; the number of people told now (0 when it does not recruit). */
    public Mono<Long> match(String trialId) {
        return matching(
                        trialId,
                        matched -> matched.concatMap(profile -> tell(profile, trialId))
                                .filter(Boolean::booleanValue)
                                .count())
                .doOnNext(told -> {
                    if (told > 0) {
                        log.info("Trial {} matched the profiles of {} people", trialId, told);
                    }
                });
    }

    /**
     * How many active profiles the trial matches now, telling no one: the feasibility count a trial team may see
     * (never who). Zero when the trial does not recruit.
     */
    public Mono<Long> countMatching(String trialId) {
        return matching(trialId, Flux::count);
    }

    /** The profiles a recruiting trial matches (prefiltered in PostgreSQL, decided by the rules), counted by how. */
    private Mono<Long> matching(String trialId, Function<Flux<InterestProfile>, Mono<Long>> how) {
        var today = LocalDate.now(DENMARK);
        return facts.recruiting(trialId)
                .flatMap(trial -> how.apply(profiles.candidates(trial, today)
                        .filter(profile -> ProfileMatching.matches(profile, trial, today))))
                .defaultIfEmpty(0L);
    }

    /** The notification, its mail and the audit entry in one transaction, so none is without the others. */
    private Mono<Boolean> tell(InterestProfile profile, String trialId) {
        var person = profile.personId().toString();
        return notifications
                .tell(profile.personId(), trialId, profile.notifyInPortal(), profile.email() != null)
                .flatMap(isNew -> isNew
                        ? audit.record(
                                        ACTOR,
                                        "SYSTEM",
                                        "profile-matched",
                                        person,
                                        "ResearchStudy/" + trialId,
                                        "a new trial matched the person's interest profile")
                                .thenReturn(true)
                        : Mono.just(false))
                .as(transaction::transactional);
    }
}
