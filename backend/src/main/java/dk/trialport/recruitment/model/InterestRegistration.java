package dk.trialport.recruitment.model;

import java.time.Instant;
import java.util.UUID;

/**
 * One person's interest in one trial: the consent they gave, how they want to be contacted, an
 * optional message, and where the trial team has got with it. Withdrawal takes effect at once.
 *
 * @param contact e-mail address or phone number for the chosen channel; null for contact in the portal
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
    Instant updatedAt) {

  /** A new registration, received by the trial team. */
  public static InterestRegistration register(UUID personId, String trialId, ContactChannel channel, String contact,
      String message, Consent consent) {
    return new InterestRegistration(UUID.randomUUID(), personId, trialId, CandidateStatus.RECEIVED, channel,
        channel.needsContact() ? contact : null, message, consent, null, consent.givenAt(), consent.givenAt());
  }

  public boolean isWithdrawn() {
    return status == CandidateStatus.WITHDRAWN;
  }

  /** The person withdraws: the team sees the withdrawal, and nothing more is shared. */
  public InterestRegistration withdraw(Instant at) {
    if (isWithdrawn()) {
      return this;
    }
    return new InterestRegistration(id, personId, trialId, CandidateStatus.WITHDRAWN, channel, null, null, consent, at,
        createdAt, at);
  }

  /** The person changes how to be contacted or their message; the consent they gave stands. */
  public InterestRegistration change(ContactChannel newChannel, String newContact, String newMessage, Instant at) {
    return new InterestRegistration(id, personId, trialId, status, newChannel, newChannel.needsContact() ? newContact : null,
        newMessage, consent, withdrawnAt, createdAt, at);
  }

  /** Whether this registration already says what {@code channel}, {@code contact} and {@code message} say. */
  public boolean says(ContactChannel newChannel, String newContact, String newMessage) {
    return channel == newChannel && java.util.Objects.equals(contact, newChannel.needsContact() ? newContact : null)
        && java.util.Objects.equals(message, newMessage);
  }

  /** The person registers again after withdrawing: a fresh consent, received anew. */
  public InterestRegistration renew(ContactChannel newChannel, String newContact, String newMessage, Consent newConsent) {
    return new InterestRegistration(id, personId, trialId, CandidateStatus.RECEIVED, newChannel,
        newChannel.needsContact() ? newContact : null, newMessage, newConsent, null, createdAt, newConsent.givenAt());
  }
}
