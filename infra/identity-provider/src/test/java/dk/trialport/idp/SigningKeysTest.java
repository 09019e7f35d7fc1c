package dk.trialport.idp;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.RSAKey;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The signing key survives restarts when a key file is configured. */
class SigningKeysTest {

    @Test
    void keyFileIsCreatedOnceAndReused(@TempDir Path dir) {
        Path file = dir.resolve("keys/idp-signing-key.jwk");
        RSAKey first = SigningKeys.load(file.toString());
        assertThat(Files.exists(file)).isTrue();
        RSAKey second = SigningKeys.load(file.toString());
        assertThat(second.getKeyID()).isEqualTo(first.getKeyID());
        assertThat(second.toPublicJWK()).isEqualTo(first.toPublicJWK());
        assertThat(second.isPrivate()).isTrue();
    }

    @Test
    void withoutKeyFileEachStartGetsAFreshKey() {
        assertThat(SigningKeys.load(null).getKeyID())
                .isNotEqualTo(SigningKeys.load("").getKeyID());
    }
}
