package dk.trialport.recruitment.model;

import java.time.Instant;
import java.util.UUID;

/**
 * Which of a trial's registrations to read: changed in {@code [from, before)} (either bound null: open),
 * after the position {@code (afterUpdated, afterId)} when paging, oldest change first.
 */
public record TrialWindow(String trialId, Instant from, Instant before, Instant afterUpdated, UUID afterId) {}
