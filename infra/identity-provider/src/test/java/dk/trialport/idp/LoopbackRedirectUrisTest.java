package dk.trialport.idp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Loopback redirect URIs may change only their port. */
class LoopbackRedirectUrisTest {

    private static final List<String> REGISTERED = List.of(
            "http://localhost:8080/login/oauth2/code/trialport", "http://127.0.0.1:8080/login/oauth2/code/trialport");

    @Test
    void anyPortOnLocalhostOrLoopbackMatches() {
        assertThat(LoopbackRedirectUris.matchesAnyPort(
                        "http://localhost:41234/login/oauth2/code/trialport", REGISTERED))
                .isTrue();
        assertThat(LoopbackRedirectUris.matchesAnyPort("http://127.0.0.1:5000/login/oauth2/code/trialport", REGISTERED))
                .isTrue();
    }

    @Test
    void otherHostsPathsSchemesAndFragmentsDoNotMatch() {
        assertThat(LoopbackRedirectUris.matchesAnyPort(
                        "http://example.dk:8080/login/oauth2/code/trialport", REGISTERED))
                .isFalse();
        assertThat(LoopbackRedirectUris.matchesAnyPort("http://localhost:8080/other", REGISTERED))
                .isFalse();
        assertThat(LoopbackRedirectUris.matchesAnyPort(
                        "https://localhost:8080/login/oauth2/code/trialport", REGISTERED))
                .isFalse();
        assertThat(LoopbackRedirectUris.matchesAnyPort("http://localhost:1/login/oauth2/code/trialport#x", REGISTERED))
                .isFalse();
        assertThat(LoopbackRedirectUris.matchesAnyPort(
                        "http://localhost.evil.dk:1/login/oauth2/code/trialport", REGISTERED))
                .isFalse();
        assertThat(LoopbackRedirectUris.matchesAnyPort(null, REGISTERED)).isFalse();
    }
}
