package dk.trialport.catalogue;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

/**
 * The one-click confirmation link of a stale trial's reminder mail: a token (a JWT signed with HMAC-SHA256 by
 * Spring Security's Nimbus encoder, key {@link CatalogueProperties#confirmationKey}) naming the trial and when the
 * link was made, valid for {@link #VALID_FOR}. Whoever holds the mail may confirm that trial's record is current,
 * nothing else; it is used once: a confirmation made after the link was issued ends it ({@link
 * Freshness#confirmByLink}).
 */
@Component
@EnableConfigurationProperties(CatalogueProperties.class)
public class ConfirmationLinks {

    /** How long a mailed link works: two reminders' time. */
    public static final Duration VALID_FOR = Duration.ofDays(60);

    private static final String AUDIENCE = "trialport-trial-confirmation";

    /** What a valid link says: the trial, and when the link was made. */
    public record Link(String trialId, Instant issuedAt) {}

    private final JwtEncoder encoder;
    private final JwtDecoder decoder;

    ConfirmationLinks(CatalogueProperties properties) {
        if (properties.confirmationKey() == null || properties.confirmationKey().isBlank()) {
            throw new IllegalStateException(
                    "trialport.catalogue.confirmation-key is not set (TRIALPORT_CONFIRMATION_KEY: 32 random bytes, base64)");
        }
        var bytes = Base64.getDecoder().decode(properties.confirmationKey().strip());
        if (bytes.length < 32) {
            throw new IllegalStateException("trialport.catalogue.confirmation-key must be at least 32 bytes");
        }
        var key = new SecretKeySpec(bytes, "HmacSHA256");
        this.encoder = NimbusJwtEncoder.withSecretKey(key)
                .algorithm(MacAlgorithm.HS256)
                .build();
        var nimbus = NimbusJwtDecoder.withSecretKey(key)
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
        nimbus.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefault(),
                new JwtClaimValidator<List<String>>(
                        "aud", audience -> audience != null && audience.contains(AUDIENCE))));
        this.decoder = nimbus;
    }

    /** A link's token for this trial, made at {@code now}. */
    public String token(String trialId, Instant now) {
        var claims = JwtClaimsSet.builder()
                .subject(trialId)
                .audience(List.of(AUDIENCE))
                .issuedAt(now)
                .expiresAt(now.plus(VALID_FOR))
                .build();
        return encoder.encode(JwtEncoderParameters.from(
                        JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
    }

    /** What the token says, when it is one of ours and has not expired; empty otherwise. */
    public Optional<Link> read(String token) {
        try {
            var jwt = decoder.decode(token);
            return Optional.of(new Link(jwt.getSubject(), jwt.getIssuedAt()));
        } catch (JwtException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
