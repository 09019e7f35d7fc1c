package dk.trialport.recruitment.application;

import dk.trialport.audit.AuditLog;
import dk.trialport.recruitment.infrastructure.RegistrationStore;
import dk.trialport.recruitment.model.InterestRegistration;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * A person withdraws an interest registration: at once, the contact details and message are removed,
 * the withdrawal is recorded with the consent's version, and the trial team is told.
 */
@Service
public class WithdrawingConsent {

    private static final Logger log = LoggerFactory.getLogger(WithdrawingConsent.class);

    private final RegistrationStore store;
    private final AuditLog audit;
    private final TransactionalOperator transaction;

    WithdrawingConsent(RegistrationStore store, AuditLog audit, TransactionalOperator transaction) {
        this.store = store;
        this.audit = audit;
        this.transaction = transaction;
    }

    /** Withdraws the registration if it is the person's own; empty when it is not theirs or does not exist. */
    public Mono<InterestRegistration> withdraw(String subject, UUID registrationId) {
        var now = Instant.now();
        return store.existingPerson(subject)
                .flatMap(person ->
                        store.find(registrationId).filter(r -> r.personId().equals(person)))
                .filter(registration -> !registration.isWithdrawn())
                .map(registration -> registration.withdraw(now))
                .flatMap(withdrawn -> store.save(withdrawn)
                        .then(store.consentEvent(withdrawn, "withdrawn", now))
                        .then(store.notifyTeam("interest-withdrawn", withdrawn))
                        .then(audit.record(
                                withdrawn.personId().toString(),
                                "PATIENT",
                                "interest-withdrawn",
                                withdrawn.personId().toString(),
                                "ResearchStudy/" + withdrawn.trialId(),
                                "the person withdrew"))
                        .doOnSuccess(ignored -> log.info("Interest registration {} withdrawn", withdrawn.id()))
                        .thenReturn(withdrawn))
                .as(transaction::transactional);
    }
}
