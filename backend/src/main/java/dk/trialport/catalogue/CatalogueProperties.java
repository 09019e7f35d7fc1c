package dk.trialport.catalogue;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the catalogue ({@code trialport.catalogue.*}).
 *
 * @param confirmationKey the key that signs the one-click confirmation links mailed to the teams of stale trials
 *     ({@link ConfirmationLinks}): at least 32 random bytes, base64; the same on every instance. The development
 *     default is in {@code application.yaml}; production sets {@code TRIALPORT_CONFIRMATION_KEY}.
 */
@ConfigurationProperties("trialport.catalogue")
public record CatalogueProperties(String confirmationKey) {}
