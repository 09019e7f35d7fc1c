package dk.trialport.recruitment.application;

import dk.trialport.audit.AuditLog;
import dk.trialport.recruitment.RecruitmentProperties;
import dk.trialport.recruitment.infrastructure.CandidateStore;
import dk.trialport.recruitment.infrastructure.RegistrationStore;
import dk.trialport.recruitment.model.InterestRegistration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The person's side of contact with a trial team, on My page: answering the team's messages, and sharing
 * their contact details with the team (a consent of its own, recorded with its text version) or taking that
 * back. Everything works only on the person's own registrations (empty otherwise).
 */
@Service
public class TalkingWithTheTeam {

    /** The longest note or message, in characters. */
    public static final int MAX_TEXT = 4000;

    private static final Logger log = LoggerFactory.getLogger(TalkingWithTheTeam.class);

    private final RegistrationStore registrations;
    private final CandidateStore candidates;
    private final AuditLog audit;
    private final TransactionalOperator transaction;
    private final RecruitmentProperties properties;

    TalkingWithTheTeam(
            RegistrationStore registrations,
            CandidateStore candidates,
            AuditLog audit,
            TransactionalOperator transaction,
            RecruitmentProperties properties) {
        this.registrations = registrations;
        this.candidates = candidates;
        this.audit = audit;
        this.transaction = transaction;
        this.properties = properties;
    }

    /** The version of the text the person agrees to when sharing contact details. */
    public String contactConsentVersion() {
        return properties.contactConsentVersion();
    }

    /** The person answers the team; not after withdrawing. */
    public Mono<InterestRegistration> reply(String subject, UUID registrationId, String body) {
        return own(subject, registrationId)
                .filter(r -> !r.isWithdrawn())
                .flatMap(r -> candidates
                        .addMessage(r.id(), CandidateStore.PERSON, r.personId().toString(), body)
                        .then(record(r, "message-to-team-sent", "the person wrote to the trial team"))
                        .doOnSuccess(ignored -> log.info("Candidate {} wrote to the trial team", r.id()))
                        .thenReturn(r))
                .as(transaction::transactional);
    }

    /** The person lets the trial team see their contact details. */
    public Mono<InterestRegistration> shareContact(String subject, UUID registrationId) {
        return change(
                subject,
                registrationId,
                InterestRegistration::shareContact,
                "contact-shared",
                "the person shared their contact details with the trial team");
    }

    /** The person takes the sharing back: the team no longer sees their contact details. */
    public Mono<InterestRegistration> unshareContact(String subject, UUID registrationId) {
        return change(
                subject,
                registrationId,
                InterestRegistration::unshareContact,
                "contact-unshared",
                "the person took back the sharing of their contact details");
    }

    private Mono<InterestRegistration> change(
            String subject,
            UUID registrationId,
            BiFunction<InterestRegistration, Instant, InterestRegistration> change,
            String kind,
            String why) {
        var now = Instant.now();
        return own(subject, registrationId)
                .flatMap(r -> {
                    var changed = change.apply(r, now);
                    if (changed == r) {
                        return Mono.just(r);
                    }
                    return registrations
                            .save(changed)
                            .then(registrations.consentEvent(changed, kind, properties.contactConsentVersion(), now))
                            .then(record(changed, kind, why))
                            .doOnSuccess(ignored -> log.info("Interest registration {}: {}", changed.id(), kind))
                            .thenReturn(changed);
                })
                .as(transaction::transactional);
    }

    private Mono<InterestRegistration> own(String subject, UUID registrationId) {
        return registrations
                .existingPerson(subject)
                .flatMap(person -> registrations
                        .find(registrationId)
                        .filter(r -> r.personId().equals(person)));
    }

    private Mono<Void> record(InterestRegistration r, String action, String why) {
        var person = r.personId().toString();
        return audit.record(person, "PATIENT", action, person, "ResearchStudy/" + r.trialId(), why);
    }
}
