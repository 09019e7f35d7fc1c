package dk.trialport.catalogue;

import java.util.List;

/**
 * What a trial team edits of a trial in the workspace, without HAPI types: titles and summaries in Danish and
 * English, conditions (condition vocabulary concept ids), eligibility, sites, contacts, identifiers and where the
 * trial stands. Fields left empty are null; everything else a stored trial holds is kept as it is.
 *
 * @param titleEn the scientific title ({@code ResearchStudy.title}); {@code titleDa} its Danish translation
 * @param sex male or female when the trial is for one sex only, else null
 * @param healthyVolunteers null when the trial does not say
 * @param siteIds existing Locations where the trial runs
 * @param newSites departments to add as new Locations (with their Organization)
 */
public record TrialEdit(
        String titleEn,
        String titleDa,
        String layTitleDa,
        String layTitleEn,
        String summaryEn,
        String summaryDa,
        String laySummaryDa,
        String laySummaryEn,
        List<String> conditions,
        Integer minimumAge,
        Integer maximumAge,
        String sex,
        Boolean healthyVolunteers,
        String inclusion,
        String exclusion,
        List<String> siteIds,
        List<NewSite> newSites,
        List<Contact> contacts,
        String euCtNumber,
        String nctNumber,
        String localProtocol,
        Stage stage) {

    public TrialEdit {
        conditions = List.copyOf(conditions);
        siteIds = List.copyOf(siteIds);
        newSites = List.copyOf(newSites);
        contacts = List.copyOf(contacts);
    }

    /** Where a trial stands: a draft nobody outside the team sees, published and recruiting, or closed to recruitment. */
    public enum Stage {
        DRAFT,
        PUBLISHED,
        CLOSED;

        /** The stage of a trial with this R4 status: {@code in-review} is a draft; closed and later states are closed. */
        public static Stage of(String status) {
            return switch (status == null ? "" : status) {
                case "in-review" -> DRAFT;
                case "active", "approved" -> PUBLISHED;
                default -> CLOSED;
            };
        }
    }

    /** A department that runs the trial, with where it is (from its postal code when it gives no position). */
    public record NewSite(
            String name,
            String line,
            String postalCode,
            String city,
            String region,
            Double latitude,
            Double longitude) {}

    /** A trial contact. */
    public record Contact(String name, String phone, String email) {}

    /** A trial as stored: its id and version. */
    public record Saved(String id, int version) {}
}
