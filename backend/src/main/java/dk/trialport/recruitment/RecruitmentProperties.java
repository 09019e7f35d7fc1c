package dk.trialport.recruitment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of recruitment ({@code trialport.recruitment.*}).
 *
 * @param encryptionKey AES-256 key (32 bytes, base64) for contact details and messages at rest
 * @param consentVersion the version of the consent text people are shown now
 * @param registrationsPerHour how many interest registrations one person may make in an hour
 * @param profileConsentVersion the version of the interest profile's consent text people are shown now
 * @param matchingPoll how often the matcher looks for newly published trials when it found none
 * @param feasibilityThreshold the smallest count of matching volunteers a trial team is shown; below it, "fewer than"
 * @param contactConsentVersion the version of the text people agree to when they share their contact details
 *     with a trial team
 */
@ConfigurationProperties("trialport.recruitment")
public record RecruitmentProperties(
        String encryptionKey,
        @DefaultValue("interest-2026-12") String consentVersion,
        @DefaultValue("20") int registrationsPerHour,
        @DefaultValue("profile-2026-11") String profileConsentVersion,
        @DefaultValue("1s") java.time.Duration matchingPoll,
        @DefaultValue("5") int feasibilityThreshold,
        @DefaultValue("contact-2026-11") String contactConsentVersion) {}
