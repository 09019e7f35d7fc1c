package dk.trialport.catalogue;

import java.time.Instant;
import java.util.List;

/**
 * The typed projection of a trial (a ResearchStudy) that pages, search and matching read.
 *
 * @param recruitmentStatus recruiting, not-yet-recruiting, … as patients read it
 * @param minimumAgeYears lower age bound, null when the trial sets none
 * @param maximumAgeYears upper age bound, null when the trial sets none
 * @param sex male, female, or null when any
 * @param decentralized true when taking part can happen (partly) at home
 * @param start the planned or actual start, as precise as the resource gives it (yyyy, yyyy-MM or yyyy-MM-dd)
 * @param periodStart the first instant of the trial's period, null when it has no start
 * @param periodEnd the first instant after the trial's period (its end at the end's precision), null when open
 * @param registryUpdated for a trial imported from registries, when its newest registry record last changed at its
 *     registry (as the registry says); null for a trial its team keeps in Trialport, or a registry that does not say
 * @param lastImported for an imported trial, when an import last changed it; null for a trial never imported
 */
public record Trial(
        String id,
        int version,
        Instant lastUpdated,
        String title,
        String layTitleDa,
        String layTitleEn,
        String summaryDa,
        String summaryEn,
        String status,
        String recruitmentStatus,
        List<String> phases,
        List<Condition> conditions,
        List<String> interventions,
        List<String> keywords,
        Double minimumAgeYears,
        Double maximumAgeYears,
        String sex,
        Boolean healthyVolunteers,
        String studyType,
        String sponsor,
        List<Identifier> identifiers,
        List<String> siteIds,
        Boolean decentralized,
        String start,
        Instant periodStart,
        Instant periodEnd,
        Instant registryUpdated,
        Instant lastImported) {

    /**
     * The status of a draft: R4 has no draft status, so a trial team's unpublished trial is {@code in-review}. Drafts
     * are seen by their team only: never indexed, listed, matched or shown on the portal.
     */
    public static final String DRAFT = "in-review";

    /** The R4 statuses of a published trial that may still recruit: {@code active}, or {@code approved} (not yet). */
    public static final List<String> PUBLISHED_OPEN = List.of("active", "approved");

    /** The recruitment statuses in which a trial takes interest registrations and is matched with profiles. */
    public static final List<String> OPEN_RECRUITMENT = List.of("recruiting", "not-yet-recruiting");

    /** Whether this is a trial team's unpublished draft. */
    public boolean isDraft() {
        return DRAFT.equals(status);
    }

    /**
     * Whether everyone may see this trial: every trial but a draft (a withdrawn, closed or completed trial keeps its
     * public page). This is the one definition; the portal, search, FHIR and matching all ask it.
     */
    public boolean isPublic() {
        return !isDraft();
    }

    /**
     * Whether a person may register interest in this trial now, and an interest profile be told of it: public,
     * published as active or approved, and recruiting or about to.
     */
    public boolean isOpenForInterest() {
        var recruitment = effectiveRecruitmentStatus();
        return isPublic()
                && status != null
                && PUBLISHED_OPEN.contains(status)
                && recruitment != null
                && OPEN_RECRUITMENT.contains(recruitment);
    }

    /**
     * The recruitment status as R5 states it, or, for a trial that does not state it, as its R4 status implies:
     * {@code active} is "open for accrual" (recruiting), {@code approved} "ready to open" (not yet recruiting).
     */
    public String effectiveRecruitmentStatus() {
        if (recruitmentStatus != null) {
            return recruitmentStatus;
        }
        return status == null
                ? null
                : switch (status) {
                    case "active" -> "recruiting";
                    case "approved" -> "not-yet-recruiting";
                    default -> null;
                };
    }

    /** A condition with its codings. */
    public record Condition(String text, List<Code> codes) {}

    /** A coded value. */
    public record Code(String system, String code, String display) {}

    /** A trial identifier: its system and value. */
    public record Identifier(String system, String value) {}
}
