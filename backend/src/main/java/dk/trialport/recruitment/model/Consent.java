package dk.trialport.recruitment.model;

import java.time.Instant;

/**
 * Consent as given: which version of the consent text the person read and agreed to, and when.
 *
 * @param textVersion the version of the text shown (e.g. {@code interest-2026-11}); the text itself is kept per version
 */
public record Consent(String textVersion, Instant givenAt) {}
