package dk.trialport.notify;

import java.util.Set;
import reactor.core.publisher.Mono;

/**
 * Where notify learns a recipient's address when a mail is sent, never before, so a person who deleted their
 * address or account, or withdrew, is not mailed. The module that knows the recipients implements it (recruitment
 * for people, fhir for trial teams), so notify reads no other module's tables.
 */
public interface Recipients {

    /** The kinds of {@link Recipient} it answers for. */
    Set<String> kinds();

    /** The recipient's address now; empty when they may no longer be mailed. */
    Mono<String> address(Recipient recipient);
}
