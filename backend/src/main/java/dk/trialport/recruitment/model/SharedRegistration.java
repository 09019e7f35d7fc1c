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
    Instant updatedAt) {

  /** What of {@code registration} the team may see, given when (if at all) the person shared their contact details. */
  public static SharedRegistration of(InterestRegistration registration, Instant contactSharedAt) {
    var shared = contactSharedAt != null && !registration.isWithdrawn();
    return new SharedRegistration(registration.id(), registration.personId(), registration.trialId(),
        registration.status(), registration.channel(), shared ? registration.contact() : null, registration.consent(),
        registration.withdrawnAt(), shared ? contactSharedAt : null, registration.createdAt(),
        registration.updatedAt());
  }

  public boolean isWithdrawn() {
    return status == CandidateStatus.WITHDRAWN;
  }

  public boolean contactShared() {
    return contactSharedAt != null;
  }
}
