package dk.trialport.recruitment.model;

import java.time.Instant;
import java.util.UUID;

/**
 * One person's interest in one trial: the consent they gave, how they want to be contacted, an
 * optional message, and where the trial team has got with it. Withdrawal takes effect at once.
 *
 * @param contact e-mail address or phone number for the chosen channel; null for contact in the portal
 * @param contactSharedAt when the person agreed to show the trial team their contact details (blind contact:
 *     until then the team reaches them only through messages in the portal); null when not shared
 */
public record InterestRegistration(
        UUID id,
        UUID personId,
        String trialId,
        CandidateStatus status,
        ContactChannel channel,
        String contact,
        String message,
        Consent consent,
        Instant withdrawnAt,
        Instant createdAt,
        Instant updatedAt,
        Instant contactSharedAt) {

    /** A change the pipeline does not allow: the team sets "withdrawn", or moves a candidate who withdrew. */
    public static class NotAllowed extends RuntimeException {
        public NotAllowed(String message) {
            super(message);
        }
    }

    /** A new registration, received by the trial team. */
    public static InterestRegistration register(
            UUID personId, String trialId, ContactChannel channel, String contact, String message, Consent consent) {
        return new InterestRegistration(
                UUID.randomUUID(),
                personId,
                trialId,
                CandidateStatus.RECEIVED,
                channel,
                channel.needsContact() ? contact : null,
                message,
                consent,
                null,
                consent.givenAt(),
                consent.givenAt(),
                null);
    }

    public boolean isWithdrawn() {
        return status == CandidateStatus.WITHDRAWN;
    }

    /** The person withdraws: the team sees the withdrawal, and nothing more is shared. */
    public InterestRegistration withdraw(Instant at) {
        if (isWithdrawn()) {
            return this;
        }
        return new InterestRegistration(
                id,
                personId,
                trialId,
                CandidateStatus.WITHDRAWN,
                channel,
                null,
                null,
                consent,
                at,
                createdAt,
                at,
                null);
    }

    /**
     * The trial team moves the candidate along the pipeline. Only the person withdraws, and a candidate who
     * withdrew stays withdrawn until they register again.
     */
    public InterestRegistration moveTo(CandidateStatus next, Instant at) {
        if (next == CandidateStatus.WITHDRAWN) {
            throw new NotAllowed("Only the person can withdraw");
        }
        if (isWithdrawn()) {
            throw new NotAllowed("The person has withdrawn");
        }
        if (next == status) {
            return this;
        }
        return new InterestRegistration(
                id,
                personId,
                trialId,
                next,
                channel,
                contact,
                message,
                consent,
                withdrawnAt,
                createdAt,
                at,
                contactSharedAt);
    }

    /** Whether the person has contact details the team could be shown (not for contact in the portal only). */
    public boolean hasContact() {
        return contact != null && !isWithdrawn();
    }

    public boolean isContactShared() {
        return contactSharedAt != null && hasContact();
    }

    /** The contact details as the trial team may see them: only once the person shared them, otherwise null. */
    public String contactForTeam() {
        return isContactShared() ? contact : null;
    }

    /** The person agrees to show the team their contact details; nothing changes when there are none to show. */
    public InterestRegistration shareContact(Instant at) {
        if (!hasContact() || isContactShared()) {
            return this;
        }
        return new InterestRegistration(
                id, personId, trialId, status, channel, contact, message, consent, withdrawnAt, createdAt, at, at);
    }

    /** The person takes the sharing back: the team no longer sees their contact details. */
    public InterestRegistration unshareContact(Instant at) {
        if (contactSharedAt == null) {
            return this;
        }
        return new InterestRegistration(
                id, personId, trialId, status, channel, contact, message, consent, withdrawnAt, createdAt, at, null);
    }

    /** The short pseudonymous code the team knows the candidate by, e.g. {@code 4F7A2C}: never a name. */
    // SharedRegistration.pseudonym() makes the same code for what is left after an erasure.
    public String pseudonym() {
        return id.toString().replace("-", "").substring(0, 6).toUpperCase(java.util.Locale.ROOT);
    }

    /** The person changes how to be contacted or their message; the consent they gave stands. */
    public InterestRegistration change(ContactChannel newChannel, String newContact, String newMessage, Instant at) {
        return new InterestRegistration(
                id,
                personId,
                trialId,
                status,
                newChannel,
                newChannel.needsContact() ? newContact : null,
                newMessage,
                consent,
                withdrawnAt,
                createdAt,
                at,
                contactSharedAt);
    }

    /** Whether this registration already says what {@code channel}, {@code contact} and {@code message} say. */
    public boolean says(ContactChannel newChannel, String newContact, String newMessage) {
        return channel == newChannel
                && java.util.Objects.equals(contact, newChannel.needsContact() ? newContact : null)
                && java.util.Objects.equals(message, newMessage);
    }

    /** The person registers again after withdrawing: a fresh consent, received anew, nothing shared yet. */
    public InterestRegistration renew(
            ContactChannel newChannel, String newContact, String newMessage, Consent newConsent) {
        return new InterestRegistration(
                id,
                personId,
                trialId,
                CandidateStatus.RECEIVED,
                newChannel,
                newChannel.needsContact() ? newContact : null,
                newMessage,
                newConsent,
                null,
                createdAt,
                newConsent.givenAt(),
                null);
    }
}
