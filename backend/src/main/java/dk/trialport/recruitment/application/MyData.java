package dk.trialport.recruitment.application;

import dk.trialport.audit.AuditLog;
import dk.trialport.recruitment.infrastructure.CandidateStore;
import dk.trialport.recruitment.infrastructure.NotificationStore;
import dk.trialport.recruitment.infrastructure.ProfileStore;
import dk.trialport.recruitment.infrastructure.RegistrationStore;
import dk.trialport.recruitment.model.ConsentEvent;
import dk.trialport.recruitment.model.InterestProfile;
import dk.trialport.recruitment.model.InterestRegistration;
import dk.trialport.recruitment.model.Message;
import dk.trialport.recruitment.model.Notification;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * A person's own data: what My page shows, the export (GDPR article 20) and deletion (article 17).
 * Every read is written to the audit log, which the person sees too.
 */
@Service
public class MyData {

    private static final Logger log = LoggerFactory.getLogger(MyData.class);

    private final RegistrationStore store;
    private final ProfileStore profiles;
    private final NotificationStore notifications;
    private final CandidateStore candidates;
    private final AuditLog audit;
    private final TransactionalOperator transaction;

    MyData(
            RegistrationStore store,
            ProfileStore profiles,
            NotificationStore notifications,
            CandidateStore candidates,
            AuditLog audit,
            TransactionalOperator transaction) {
        this.store = store;
        this.profiles = profiles;
        this.notifications = notifications;
        this.candidates = candidates;
        this.audit = audit;
        this.transaction = transaction;
    }

    /**
     * Everything the person gave and what was done with it.
     *
     * @param profile the interest profile; null when they have none
     * @param notifications trials that matched the profile, newest first
     * @param messages the messages between the person and trial teams, oldest first (unread ones from a team
     *     have no {@code readAt})
     */
    public record Overview(
            String personRef,
            List<InterestRegistration> registrations,
            InterestProfile profile,
            List<Notification> notifications,
            List<ConsentEvent> consents,
            List<AuditLog.Entry> accesses,
            List<Message> messages,
            Instant exportedAt) {}

    /** What My page is read for: the person's messages from trial teams count as read from then on. */
    public static final String MY_PAGE = "my-page-viewed";

    /** What the page before deleting the account reads: what would be deleted. */
    public static final String DELETE_PREVIEW = "delete-previewed";

    /** The overview, read for {@code purpose} (shown on My page, or exported); empty for someone unknown. */
    public Mono<Overview> read(String subject, String purpose) {
        return store.existingPerson(subject).flatMap(person -> {
            var ref = person.toString();
            return audit.record(ref, "PATIENT", purpose, ref, null, "the person looked at their own data")
                    .then(Mono.zip(
                            store.ofPerson(person).collectList(),
                            profiles.ofPerson(person).map(List::of).defaultIfEmpty(List.of()),
                            notifications.ofPerson(person).collectList(),
                            store.consentEvents(person).collectList(),
                            audit.about(ref).collectList(),
                            candidates.messagesOfPerson(person).collectList()))
                    .flatMap(found -> (MY_PAGE.equals(purpose)
                                    ? candidates.markReadByPerson(person)
                                    : Mono.<Void>empty())
                            .thenReturn(new Overview(
                                    ref,
                                    found.getT1(),
                                    found.getT2().isEmpty()
                                            ? null
                                            : found.getT2().getFirst(),
                                    found.getT3(),
                                    found.getT4(),
                                    found.getT5(),
                                    found.getT6(),
                                    Instant.now())));
        });
    }

    /** Deletes the person and all they gave; the audit log keeps only the pseudonymous id. */
    public Mono<Boolean> delete(String subject) {
        return store.existingPerson(subject)
                .flatMap(person -> store.ofPerson(person)
                        .concatMap(registration -> store.notifyTeam("interest-deleted", registration))
                        .then(store.eraseRegistrationsOf(person))
                        .then(store.deletePerson(person))
                        .then(audit.record(
                                person.toString(),
                                "PATIENT",
                                "account-deleted",
                                person.toString(),
                                null,
                                "the person deleted their account and data"))
                        .doOnSuccess(ignored -> log.info("Person {} deleted their account and data", person))
                        .thenReturn(true))
                .defaultIfEmpty(false)
                .as(transaction::transactional);
    }
}
