package dk.trialport.recruitment.application;

import dk.trialport.audit.AuditLog;
import dk.trialport.recruitment.RecruitmentProperties;
import dk.trialport.recruitment.infrastructure.RegistrationStore;
import dk.trialport.recruitment.infrastructure.TrialFactsReader;
import dk.trialport.recruitment.model.Consent;
import dk.trialport.recruitment.model.ContactChannel;
import dk.trialport.recruitment.model.InterestRegistration;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * A person registers interest in a trial with explicit consent. Registering again with the same details
 * changes nothing; with other contact details or another message it changes them (the consent stands);
 * after a withdrawal it renews the registration with a fresh consent. The trial team is notified through
 * the notification outbox, in the same transaction; a new or renewed registration is also mailed to the
 * trial's contact address (without any personal data).
 */
@Service
public class RegisteringInterest {

    private static final Logger log = LoggerFactory.getLogger(RegisteringInterest.class);

    private final RegistrationStore store;
    private final TrialFactsReader trials;
    private final AuditLog audit;
    private final TransactionalOperator transaction;
    private final RecruitmentProperties properties;

    RegisteringInterest(
            RegistrationStore store,
            TrialFactsReader trials,
            AuditLog audit,
            TransactionalOperator transaction,
            RecruitmentProperties properties) {
        this.store = store;
        this.trials = trials;
        this.audit = audit;
        this.transaction = transaction;
        this.properties = properties;
    }

    /** What the person filled in: how to be contacted, and an optional message. */
    public record Request(ContactChannel channel, String contact, String message) {}

    /** The trial takes no interest now: a draft, or not recruiting ({@code Trial.isOpenForInterest()}). */
    public static class NotOpen extends RuntimeException {
        public NotOpen(String trialId) {
            super("Trial " + trialId + " takes no interest registrations now");
        }
    }

    /** The person made too many registrations in the last hour. */
    public static class TooMany extends RuntimeException {
        public TooMany() {
            super("Too many interest registrations in the last hour");
        }
    }

    public String consentVersion() {
        return properties.consentVersion();
    }

    public Mono<InterestRegistration> register(String subject, String trialId, Request request) {
        var now = Instant.now();
        var consent = new Consent(properties.consentVersion(), now);
        return trials.recruiting(trialId)
                .switchIfEmpty(Mono.error(() -> new NotOpen(trialId)))
                .then(store.personFor(subject))
                .flatMap(person -> store.find(person, trialId)
                        .flatMap(existing -> existing.isWithdrawn()
                                ? limited(person, now)
                                        .then(save(
                                                existing.renew(
                                                        request.channel(),
                                                        request.contact(),
                                                        request.message(),
                                                        consent),
                                                "renewed"))
                                : existing.says(request.channel(), request.contact(), request.message())
                                        ? Mono.just(existing)
                                        : change(existing.change(
                                                request.channel(), request.contact(), request.message(), now)))
                        .switchIfEmpty(Mono.defer(() -> limited(person, now)
                                .then(save(
                                        InterestRegistration.register(
                                                person,
                                                trialId,
                                                request.channel(),
                                                request.contact(),
                                                request.message(),
                                                consent),
                                        "registered")))))
                .as(transaction::transactional);
    }

    /** The person's current registration for a trial, if any (for the form to show what they gave). */
    public Mono<InterestRegistration> current(String subject, String trialId) {
        return store.existingPerson(subject)
                .flatMap(person -> store.find(person, trialId))
                .filter(registration -> !registration.isWithdrawn());
    }

    private Mono<InterestRegistration> change(InterestRegistration changed) {
        var person = changed.personId().toString();
        return store.save(changed)
                .then(store.notifyTeam("interest-changed", changed))
                .then(audit.record(
                        person,
                        "PATIENT",
                        "interest-changed",
                        person,
                        "ResearchStudy/" + changed.trialId(),
                        "the person changed their contact details or message"))
                .doOnSuccess(ignored -> log.info("Interest registration {} changed", changed.id()))
                .thenReturn(changed);
    }

    private Mono<Void> limited(java.util.UUID person, Instant now) {
        return store.countSince(person, now.minus(Duration.ofHours(1)))
                .flatMap(
                        count -> count >= properties.registrationsPerHour() ? Mono.error(new TooMany()) : Mono.empty());
    }

    private Mono<InterestRegistration> save(InterestRegistration registration, String what) {
        var person = registration.personId().toString();
        return store.save(registration)
                .then(store.consentEvent(
                        registration, "given", registration.consent().givenAt()))
                .then(store.notifyTeamByMail("interest-" + what, registration))
                .then(audit.record(
                        person,
                        "PATIENT",
                        "interest-" + what,
                        person,
                        "ResearchStudy/" + registration.trialId(),
                        "the person registered interest"))
                .doOnSuccess(ignored -> log.info(
                        "Interest registration {} {} for trial {}", registration.id(), what, registration.trialId()))
                .thenReturn(registration);
    }
}
