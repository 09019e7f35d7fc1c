package dk.trialport.idp;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.UUID;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/** Loads the RSA signing key from a JWK file, or generates it (and stores it if a file is given). */
final class SigningKeys {

    private static final Log logger = LogFactory.getLog(SigningKeys.class);

    private SigningKeys() {}

    /** The signing key: read from {@code keyFile} if it exists, else generated (and written there). */
    static RSAKey load(@Nullable String keyFile) {
        if (keyFile == null || keyFile.isBlank()) {
            return generate();
        }
        Path path = Path.of(keyFile);
        try {
            if (Files.exists(path)) {
                RSAKey key = RSAKey.parse(Files.readString(path, StandardCharsets.UTF_8));
                if (!key.isPrivate()) {
                    throw new IllegalStateException("Key file " + path + " holds no private key");
                }
                logger.info("Signing key " + key.getKeyID() + " read from " + path);
                return key;
            }
            RSAKey key = generate();
            write(path, key);
            logger.info("Signing key " + key.getKeyID() + " generated and stored in " + path);
            return key;
        } catch (IOException ex) {
            throw new UncheckedIOException("Cannot read or write key file " + path, ex);
        } catch (ParseException ex) {
            throw new IllegalStateException("Key file " + path + " is not an RSA JWK", ex);
        }
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyID(UUID.randomUUID().toString())
                    .generate();
        } catch (JOSEException ex) {
            throw new IllegalStateException("Cannot generate RSA key", ex);
        }
    }

    private static void write(Path path, RSAKey key) throws IOException {
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Path temp = Files.createTempFile(parent, ".jwk", ".tmp");
        try {
            Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ex) {
            // not a POSIX file system; keep the default permissions
        }
        Files.writeString(temp, key.toJSONString(), StandardCharsets.UTF_8);
        Files.move(temp, path, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
