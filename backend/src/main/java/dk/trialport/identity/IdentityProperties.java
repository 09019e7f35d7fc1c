package dk.trialport.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of identity ({@code trialport.identity.*}).
 *
 * @param issuer the OpenID Connect issuer whose tokens are trusted
 */
@ConfigurationProperties("trialport.identity")
public record IdentityProperties(String issuer) {}
