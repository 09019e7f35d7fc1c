package dk.trialport.recruitment.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.UUID;

/**
 * One person's interest in future trials: the disease areas they chose, what they told about themselves
 * (age, sex, healthy volunteer, where they live and how far they will travel), how they want to hear of a
 * matching trial, and the consent they gave. A paused profile is kept but not matched.
 *
 * @param areas condition vocabulary concept ids (areas, or concepts below them)
 * @param ageYears the age the person gave on {@code ageGivenOn}; matching adds the years passed since
 * @param sex male, female or other (other matches only trials open to every sex)
 * @param email the address for e-mail notifications; null when the person wants none
 */
public record InterestProfile(
        UUID id,
        UUID personId,
        List<String> areas,
        int ageYears,
        LocalDate ageGivenOn,
        String sex,
        boolean healthyVolunteer,
        String postalCode,
        Position home,
        int travelKm,
        boolean notifyInPortal,
        String email,
        Consent consent,
        Instant pausedAt,
        Instant createdAt,
        Instant updatedAt) {

    public InterestProfile {
        areas = List.copyOf(areas);
    }

    /** What the person tells when they make or change a profile. */
    public record Details(
            List<String> areas,
            int ageYears,
            String sex,
            boolean healthyVolunteer,
            String postalCode,
            Position home,
            int travelKm,
            boolean notifyInPortal,
            String email) {}

    /** A new, active profile. */
    public static InterestProfile create(UUID personId, Details details, Consent consent) {
        var now = consent.givenAt();
        return new InterestProfile(
                        UUID.randomUUID(),
                        personId,
                        List.of(),
                        0,
                        null,
                        null,
                        false,
                        null,
                        null,
                        0,
                        false,
                        null,
                        consent,
                        null,
                        now,
                        now)
                .change(details, consent);
    }

    /** The profile with new details and the consent given with them; a paused profile stays paused. */
    public InterestProfile change(Details d, Consent newConsent) {
        var today = LocalDate.ofInstant(newConsent.givenAt(), java.time.ZoneOffset.UTC);
        return new InterestProfile(
                id,
                personId,
                d.areas(),
                d.ageYears(),
                today,
                d.sex(),
                d.healthyVolunteer(),
                d.postalCode(),
                d.home(),
                d.travelKm(),
                d.notifyInPortal(),
                d.email(),
                newConsent,
                pausedAt,
                createdAt,
                newConsent.givenAt());
    }

    public boolean isPaused() {
        return pausedAt != null;
    }

    public InterestProfile pause(Instant at) {
        return isPaused() ? this : withPause(at, at);
    }

    public InterestProfile resume(Instant at) {
        return isPaused() ? withPause(null, at) : this;
    }

    /** The person's age on {@code day}, counting the years passed since they gave it. */
    public int ageOn(LocalDate day) {
        return ageYears
                + (ageGivenOn == null || day.isBefore(ageGivenOn)
                        ? 0
                        : Period.between(ageGivenOn, day).getYears());
    }

    private InterestProfile withPause(Instant paused, Instant at) {
        return new InterestProfile(
                id,
                personId,
                areas,
                ageYears,
                ageGivenOn,
                sex,
                healthyVolunteer,
                postalCode,
                home,
                travelKm,
                notifyInPortal,
                email,
                consent,
                paused,
                createdAt,
                at);
    }
}
