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
    Instant periodEnd) {

  /**
   * The status of a draft: R4 has no draft status, so a trial team's unpublished trial is {@code in-review}. Drafts
   * are seen by their team only: never indexed, listed, matched or shown on the portal.
   */
  public static final String DRAFT = "in-review";

  /** Whether this is a trial team's unpublished draft. */
  public boolean isDraft() {
    return DRAFT.equals(status);
  }

  /** A condition with its codings. */
  public record Condition(String text, List<Code> codes) {}

  /** A coded value. */
  public record Code(String system, String code, String display) {}

  /** A trial identifier: its system and value. */
  public record Identifier(String system, String value) {}
}
