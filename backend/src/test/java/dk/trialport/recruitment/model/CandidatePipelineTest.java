package dk.trialport.recruitment.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The candidate pipeline's rules and blind contact, in the domain model alone. */
class CandidatePipelineTest {

    static final Instant GIVEN = Instant.parse("2026-11-01T10:00:00Z");
    static final Instant LATER = Instant.parse("2026-11-02T10:00:00Z");

    @Test
    void theTeamMovesACandidateAlongButNeverWithdrawsThem() {
        var r = registration(ContactChannel.EMAIL, "anne@example.dk");
        var screening = r.moveTo(CandidateStatus.SCREENING, LATER);
        assertThat(screening.status()).isEqualTo(CandidateStatus.SCREENING);
        assertThat(screening.updatedAt()).isEqualTo(LATER);
        assertThat(screening.moveTo(CandidateStatus.SCREENING, Instant.now())).isSameAs(screening);
        assertThat(screening.moveTo(CandidateStatus.RECEIVED, LATER).status()).isEqualTo(CandidateStatus.RECEIVED);
        assertThatThrownBy(() -> r.moveTo(CandidateStatus.WITHDRAWN, LATER))
                .isInstanceOf(InterestRegistration.NotAllowed.class);
    }

    @Test
    void aCandidateWhoWithdrewCannotBeMovedAndSharesNothing() {
        var withdrawn = registration(ContactChannel.EMAIL, "anne@example.dk")
                .shareContact(GIVEN)
                .withdraw(LATER);
        assertThatThrownBy(() -> withdrawn.moveTo(CandidateStatus.INCLUDED, LATER))
                .isInstanceOf(InterestRegistration.NotAllowed.class);
        assertThat(withdrawn.contactForTeam()).isNull();
        assertThat(withdrawn.contactSharedAt()).isNull();
        assertThat(withdrawn.shareContact(LATER).contactForTeam()).isNull();
    }

    @Test
    void theTeamSeesContactDetailsOnlyWhileThePersonSharesThem() {
        var r = registration(ContactChannel.PHONE, "+45 12 34 56 78");
        assertThat(r.contactForTeam()).isNull();
        var shared = r.shareContact(LATER);
        assertThat(shared.contactForTeam()).isEqualTo("+45 12 34 56 78");
        assertThat(shared.contactSharedAt()).isEqualTo(LATER);
        assertThat(shared.shareContact(Instant.now())).isSameAs(shared);
        assertThat(shared.unshareContact(LATER).contactForTeam()).isNull();
        var portal = registration(ContactChannel.PORTAL, null);
        assertThat(portal.shareContact(LATER)).as("nothing to share").isSameAs(portal);
    }

    @Test
    void registeringAgainAfterWithdrawingStartsBlindAgain() {
        var renewed = registration(ContactChannel.EMAIL, "anne@example.dk")
                .shareContact(GIVEN)
                .withdraw(LATER)
                .renew(ContactChannel.EMAIL, "anne@example.dk", null, new Consent("interest-2026-11", LATER));
        assertThat(renewed.status()).isEqualTo(CandidateStatus.RECEIVED);
        assertThat(renewed.contactForTeam()).isNull();
    }

    @Test
    void thePseudonymIsSixCharactersOfTheIdNeverAName() {
        var r = registration(ContactChannel.EMAIL, "anne@example.dk");
        var id = new InterestRegistration(
                UUID.fromString("4f7a2c19-0000-4000-8000-000000000000"),
                r.personId(),
                r.trialId(),
                r.status(),
                r.channel(),
                r.contact(),
                r.message(),
                r.consent(),
                null,
                GIVEN,
                GIVEN,
                null);
        assertThat(id.pseudonym()).isEqualTo("4F7A2C");
    }

    private static InterestRegistration registration(ContactChannel channel, String contact) {
        return InterestRegistration.register(
                UUID.randomUUID(), "trial-1", channel, contact, null, new Consent("interest-2026-11", GIVEN));
    }
}
