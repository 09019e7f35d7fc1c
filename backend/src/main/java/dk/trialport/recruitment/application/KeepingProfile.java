package dk.trialport.recruitment.application;

import dk.trialport.audit.AuditLog;
import dk.trialport.recruitment.RecruitmentProperties;
import dk.trialport.recruitment.infrastructure.ProfileStore;
import dk.trialport.recruitment.infrastructure.RegistrationStore;
import dk.trialport.recruitment.model.Consent;
import dk.trialport.recruitment.model.InterestProfile;
import java.time.Instant;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * A person keeps their interest profile: reads, makes or changes it with consent, pauses, resumes and deletes
 * it. Only ever their own (found by their login); every read and change goes to the audit log.
 */
@Service
public class KeepingProfile {

    private static final Logger log = LoggerFactory.getLogger(KeepingProfile.class);

    private final RegistrationStore people;
    private final ProfileStore profiles;
    private final AuditLog audit;
    private final TransactionalOperator transaction;
    private final RecruitmentProperties properties;

    KeepingProfile(
            RegistrationStore people,
            ProfileStore profiles,
            AuditLog audit,
            TransactionalOperator transaction,
            RecruitmentProperties properties) {
        this.people = people;
        this.profiles = profiles;
        this.audit = audit;
        this.transaction = transaction;
        this.properties = properties;
    }

    public String consentVersion() {
        return properties.profileConsentVersion();
    }

    /** The person's profile, read to show it to them; empty when they have none. */
    public Mono<InterestProfile> read(String subject) {
        return people.existingPerson(subject)
                .flatMap(person -> profiles.ofPerson(person)
                        .flatMap(profile -> record(
                                        profile, "profile-viewed", "the person looked at their interest profile")
                                .thenReturn(profile)));
    }

    /** Makes or changes the profile; consent is recorded when first given or given to a new text version. */
    public Mono<InterestProfile> save(String subject, InterestProfile.Details details) {
        var consent = new Consent(properties.profileConsentVersion(), Instant.now());
        return people.personFor(subject)
                .flatMap(person -> profiles.ofPerson(person)
                        .flatMap(existing -> store(
                                existing.change(details, consent),
                                !existing.consent().textVersion().equals(consent.textVersion()),
                                "profile-changed"))
                        .switchIfEmpty(Mono.defer(() ->
                                store(InterestProfile.create(person, details, consent), true, "profile-created"))))
                .as(transaction::transactional);
    }

    public Mono<Boolean> pause(String subject) {
        return change(subject, "profile-paused", (profile, now) -> profile.pause(now));
    }

    public Mono<Boolean> resume(String subject) {
        return change(subject, "profile-resumed", (profile, now) -> profile.resume(now));
    }

    /** Deletes the profile; the withdrawal of consent stays recorded. False when there was none. */
    public Mono<Boolean> delete(String subject) {
        var now = Instant.now();
        return people.existingPerson(subject)
                .flatMap(profiles::ofPerson)
                .flatMap(profile -> profiles.consentEvent(profile, "withdrawn", now)
                        .then(profiles.delete(profile.id()))
                        .then(record(profile, "profile-deleted", "the person deleted their interest profile"))
                        .doOnSuccess(ignored -> log.info("Interest profile {} deleted", profile.id()))
                        .thenReturn(true))
                .defaultIfEmpty(false)
                .as(transaction::transactional);
    }

    private Mono<InterestProfile> store(InterestProfile profile, boolean consentGiven, String action) {
        return profiles.save(profile)
                .then(
                        consentGiven
                                ? profiles.consentEvent(
                                        profile, "given", profile.consent().givenAt())
                                : Mono.empty())
                .then(record(profile, action, "the person saved their interest profile"))
                .doOnSuccess(ignored -> log.info("Interest profile {} saved ({})", profile.id(), action))
                .thenReturn(profile);
    }

    private Mono<Boolean> change(
            String subject, String action, BiFunction<InterestProfile, Instant, InterestProfile> how) {
        var now = Instant.now();
        return people.existingPerson(subject)
                .flatMap(profiles::ofPerson)
                .flatMap(profile -> profiles.save(how.apply(profile, now))
                        .then(record(profile, action, "the person changed their interest profile"))
                        .doOnSuccess(ignored -> log.info("Interest profile {}: {}", profile.id(), action))
                        .thenReturn(true))
                .defaultIfEmpty(false)
                .as(transaction::transactional);
    }

    private Mono<Void> record(InterestProfile profile, String action, String reason) {
        var person = profile.personId().toString();
        return audit.record(person, "PATIENT", action, person, "InterestProfile/" + profile.id(), reason);
    }
}
