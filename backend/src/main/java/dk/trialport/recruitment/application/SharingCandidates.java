package dk.trialport.recruitment.application;

import dk.trialport.audit.AuditLog;
import dk.trialport.recruitment.infrastructure.RegistrationStore;
import dk.trialport.recruitment.model.SharedRegistration;
import dk.trialport.recruitment.model.TrialWindow;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A trial team's hospital system or member reads the trial's candidates, as the people agreed to share
 * them. Access to the trial is decided first; then every person whose data is read gets one entry in the
 * audit log, which they see on My page, before anything is handed out.
 */
@Service
public class SharingCandidates {

    static final String ACTION = "fhir-read";
    static final String REASON = "FHIR read";

    private static final Logger log = LoggerFactory.getLogger(SharingCandidates.class);

    private final RegistrationStore store;
    private final AuditLog audit;

    SharingCandidates(RegistrationStore store, AuditLog audit) {
        this.store = store;
        this.audit = audit;
    }

    /** Who reads, as the audit log names them: a client id or user subject, and the role they act in. */
    public record Reader(String actor, String role) {}

    /** Whether the reader may see a trial's candidates: completes, or fails with the reason. */
    @FunctionalInterface
    public interface TrialAccess {
        Mono<Void> check(String trialId);
    }

    /** One page of a trial's candidates, how many the window holds in all, and whether more follow. */
    public record Page(List<SharedRegistration> candidates, long total, boolean more) {}

    /** One candidate; empty when there is no such registration (or the person deleted their data). */
    public Mono<SharedRegistration> read(UUID id, Reader reader, TrialAccess access) {
        return store.shared(id)
                .flatMap(candidate -> access.check(candidate.trialId()).then(audited(candidate, reader)));
    }

    /** Up to {@code count} candidates of the window's trial, oldest change first. */
    public Mono<Page> page(TrialWindow window, int count, Reader reader, TrialAccess access) {
        return access.check(window.trialId())
                .then(Mono.zip(store.shared(window, count + 1).collectList(), store.countShared(window)))
                .flatMap(found -> {
                    var rows = found.getT1();
                    var page = rows.size() > count ? rows.subList(0, count) : rows;
                    return Flux.fromIterable(page)
                            .concatMap(candidate -> audited(candidate, reader))
                            .collectList()
                            .doOnNext(read -> log.info(
                                    "{} read {} candidates of trial {}", reader.actor(), read.size(), window.trialId()))
                            .map(read -> new Page(read, found.getT2(), rows.size() > count));
                });
    }

    private Mono<SharedRegistration> audited(SharedRegistration candidate, Reader reader) {
        if (candidate.isErased()) {
            return Mono.just(candidate); // no person left whose data was read
        }
        var person = candidate.personId().toString();
        return audit.record(reader.actor(), reader.role(), ACTION, person, "ResearchSubject/" + candidate.id(), REASON)
                .thenReturn(candidate);
    }
}
