package dk.trialport.recruitment.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Blind contact: a trial team sees contact details only once shared, and never after a withdrawal. */
class SharedRegistrationTest {

    private static final Instant GIVEN = Instant.parse("2026-11-20T10:00:00Z");
    private final InterestRegistration registration = InterestRegistration.register(
            UUID.randomUUID(),
            "trial-1",
            ContactChannel.EMAIL,
            "anne@example.dk",
            "Jeg har diabetes",
            new Consent("interest-2026-11", GIVEN));

    @Test
    void contactDetailsStayHiddenUntilShared() {
        var shared = SharedRegistration.of(registration, null);
        assertThat(shared.contact()).isNull();
        assertThat(shared.contactShared()).isFalse();
        assertThat(shared.consent().textVersion()).isEqualTo("interest-2026-11");
    }

    @Test
    void sharedContactDetailsAreSeen() {
        var at = GIVEN.plusSeconds(60);
        var shared = SharedRegistration.of(registration, at);
        assertThat(shared.contact()).isEqualTo("anne@example.dk");
        assertThat(shared.contactSharedAt()).isEqualTo(at);
    }

    @Test
    void aWithdrawalHidesThemAgain() {
        var withdrawn = SharedRegistration.of(registration.withdraw(GIVEN.plusSeconds(120)), GIVEN.plusSeconds(60));
        assertThat(withdrawn.isWithdrawn()).isTrue();
        assertThat(withdrawn.contact()).isNull();
        assertThat(withdrawn.contactShared()).isFalse();
    }
}
