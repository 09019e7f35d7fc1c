package dk.trialport.recruitment.model;

import java.time.Instant;
import java.util.UUID;

/**
 * An interest registration as the trial team (and its hospital system) may see it. Blind contact: the
 * contact details are there only after the person agreed to share them with the team, and never after a
 * withdrawal; the person's message is never shared this way.
 *
 * @param contact the e-mail address or phone number; null until shared, for contact in the portal, or withdrawn
 * @param contactSharedAt when the person agreed to share their contact details; null when they have not
 * @param erasedAt when the person deleted their account and with it this registration; null while it exists. An
 *     erased registration tells its team only that it was erased: no person, no contact, no consent.
 */
public record SharedRegistration(
        UUID id,
        UUID personId,
        String trialId,
        CandidateStatus status,
        ContactChannel channel,
        String contact,
        Consent consent,
        Instant withdrawnAt,
        Instant contactSharedAt,
        Instant createdAt,
        Instant updatedAt,
        Instant erasedAt) {

    /** What of {@code registration} the team may see, given when (if at all) the person shared their contact details. */
    public static SharedRegistration of(InterestRegistration registration, Instant contactSharedAt) {
        var shared = contactSharedAt != null && !registration.isWithdrawn();
        return new SharedRegistration(
                registration.id(),
                registration.personId(),
                registration.trialId(),
                registration.status(),
                registration.channel(),
                shared ? registration.contact() : null,
                registration.consent(),
                registration.withdrawnAt(),
                shared ? contactSharedAt : null,
                registration.createdAt(),
                registration.updatedAt(),
                null);
    }

    /** What is left of a registration the person erased when they deleted their account. */
    public static SharedRegistration erased(UUID id, String trialId, Instant createdAt, Instant erasedAt) {
        return new SharedRegistration(
                id,
                null,
                trialId,
                CandidateStatus.WITHDRAWN,
                null,
                null,
                null,
                erasedAt,
                null,
                createdAt,
                erasedAt,
                erasedAt);
    }

    public boolean isErased() {
        return erasedAt != null;
    }

    /** The short pseudonymous code the team knows the candidate by, as {@link InterestRegistration#pseudonym()}. */
    public String pseudonym() {
        return id.toString().replace("-", "").substring(0, 6).toUpperCase(java.util.Locale.ROOT);
    }

    public boolean isWithdrawn() {
        return status == CandidateStatus.WITHDRAWN;
    }

    public boolean contactShared() {
        return contactSharedAt != null;
    }
}
