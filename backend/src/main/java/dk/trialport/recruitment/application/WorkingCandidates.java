package dk.trialport.recruitment.application;

import dk.trialport.audit.AuditLog;
import dk.trialport.identity.TeamCaller;
import dk.trialport.identity.TrialTeams;
import dk.trialport.recruitment.infrastructure.CandidateStore;
import dk.trialport.recruitment.infrastructure.RegistrationStore;
import dk.trialport.recruitment.model.CandidateStatus;
import dk.trialport.recruitment.model.InterestRegistration;
import dk.trialport.recruitment.model.Message;
import dk.trialport.recruitment.model.Note;
import dk.trialport.recruitment.model.SharedRegistration;
import dk.trialport.recruitment.model.Summary;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The trial team works its candidates: the list and the screening log of a trial, one candidate's page, the
 * pipeline status, notes, and messages to the person. Only a caller who may act for the trial gets anything
 * (empty otherwise, so the pages answer 404); every read and change is in the person's audit log.
 */
@Service
public class WorkingCandidates {

    /** Audit actions of the team (My page names them). */
    public static final String LISTED = "candidates-listed";

    public static final String EXPORTED = "candidates-exported";

    private static final Logger log = LoggerFactory.getLogger(WorkingCandidates.class);
    private static final String WHY = "the trial team screens candidates for its trial";

    private final RegistrationStore registrations;
    private final CandidateStore candidates;
    private final TrialTeams teams;
    private final AuditLog audit;
    private final TransactionalOperator transaction;

    WorkingCandidates(
            RegistrationStore registrations,
            CandidateStore candidates,
            TrialTeams teams,
            AuditLog audit,
            TransactionalOperator transaction) {
        this.registrations = registrations;
        this.candidates = candidates;
        this.teams = teams;
        this.audit = audit;
        this.transaction = transaction;
    }

    /**
     * A candidate as the team's list shows them: the registration (contact details only through
     * {@link InterestRegistration#contactForTeam()}), unread messages from the person, the notes.
     */
    public record Candidate(InterestRegistration registration, long unread, long notes, Note latestNote) {}

    /**
     * What is left of the trial's registrations whose people deleted their accounts, newest erasure first: a
     * pseudonym and two dates, no personal data (so no audit entry).
     */
    public Mono<List<SharedRegistration>> erased(TeamCaller caller, String trialId) {
        return teams.mayActFor(caller, trialId)
                .filter(Boolean::booleanValue)
                .flatMap(allowed -> registrations.erasedOf(trialId).collectList());
    }

    /** One candidate's page: the registration, the team's notes and the message thread, oldest first. */
    public record CandidateFile(InterestRegistration registration, List<Note> notes, List<Message> messages) {}

    /** The trial's candidates, newest first, read for {@code action} ({@link #LISTED} or {@link #EXPORTED}). */
    public Mono<List<Candidate>> list(TeamCaller caller, String trialId, String action) {
        return teams.mayActFor(caller, trialId)
                .filter(Boolean::booleanValue)
                .flatMap(allowed -> Mono.zip(
                        registrations.ofTrial(trialId).collectList(),
                        candidates.summaries(trialId).collectMap(Summary::registrationId, Function.identity())))
                .flatMap(found -> {
                    var list = found.getT1().stream()
                            .map(r -> candidate(r, found.getT2()))
                            .toList();
                    var people = list.stream()
                            .map(c -> c.registration().personId().toString())
                            .collect(Collectors.toSet());
                    return audit.recordEach(
                                    caller.name(), caller.auditRole(), action, people, "ResearchStudy/" + trialId, WHY)
                            .thenReturn(list);
                });
    }

    /** One candidate's page; the person's messages count as read by the team from now on. */
    public Mono<CandidateFile> open(TeamCaller caller, UUID registrationId) {
        return allowed(caller, registrationId)
                .flatMap(r -> Mono.zip(
                                candidates.notes(r.id()).collectList(),
                                candidates.messages(r.id()).collectList())
                        .flatMap(found -> candidates
                                .markRead(r.id(), CandidateStore.PERSON)
                                .then(record(caller, r, "candidate-viewed"))
                                .thenReturn(new CandidateFile(r, found.getT1(), found.getT2()))));
    }

    /**
     * Moves the candidate along the pipeline.
     *
     * @throws InterestRegistration.NotAllowed (as the Mono's error) for "withdrawn", or when the person withdrew
     */
    public Mono<InterestRegistration> changeStatus(TeamCaller caller, UUID registrationId, CandidateStatus status) {
        var now = Instant.now();
        return allowed(caller, registrationId)
                .flatMap(r -> Mono.fromCallable(() -> r.moveTo(status, now)))
                .flatMap(moved -> registrations
                        .save(moved)
                        .then(record(caller, moved, "candidate-status-changed"))
                        .doOnSuccess(ignored -> log.info(
                                "Candidate {} moved to {}",
                                moved.id(),
                                moved.status().code()))
                        .thenReturn(moved))
                .as(transaction::transactional);
    }

    /** Adds a note (encrypted) with the caller as author. */
    public Mono<InterestRegistration> addNote(TeamCaller caller, UUID registrationId, String body) {
        return allowed(caller, registrationId)
                .flatMap(r -> candidates
                        .addNote(r.id(), caller.name(), body)
                        .then(record(caller, r, "candidate-note-added"))
                        .thenReturn(r))
                .as(transaction::transactional);
    }

    /**
     * Writes to the person: the message waits on their My page, and when they chose contact by e-mail a mail
     * tells them there is one (never what it says). Nobody writes to a person who withdrew.
     */
    public Mono<InterestRegistration> write(TeamCaller caller, UUID registrationId, String body) {
        return allowed(caller, registrationId)
                .flatMap(r -> r.isWithdrawn()
                        ? Mono.error(new InterestRegistration.NotAllowed("The person has withdrawn"))
                        : candidates
                                .addMessage(r.id(), CandidateStore.TEAM, caller.name(), body)
                                .then(
                                        r.channel() == dk.trialport.recruitment.model.ContactChannel.EMAIL
                                                ? candidates.queueMessageMail(r.id(), r.trialId())
                                                : Mono.empty())
                                .then(record(caller, r, "candidate-message-sent"))
                                .doOnSuccess(ignored -> log.info("Trial team wrote to candidate {}", r.id()))
                                .thenReturn(r))
                .as(transaction::transactional);
    }

    private Mono<InterestRegistration> allowed(TeamCaller caller, UUID registrationId) {
        return registrations.find(registrationId).filterWhen(r -> teams.mayActFor(caller, r.trialId()));
    }

    private Mono<Void> record(TeamCaller caller, InterestRegistration r, String action) {
        var person = r.personId().toString();
        return audit.record(caller.name(), caller.auditRole(), action, person, "ResearchStudy/" + r.trialId(), WHY);
    }

    private static Candidate candidate(InterestRegistration r, Map<UUID, Summary> summaries) {
        var summary = summaries.get(r.id());
        return summary == null
                ? new Candidate(r, 0, 0, null)
                : new Candidate(r, summary.unread(), summary.notes(), summary.latestNote());
    }
}
