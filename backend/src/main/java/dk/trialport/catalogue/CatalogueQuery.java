package dk.trialport.catalogue;

import java.time.Instant;

/**
 * A search of current resources of one type, paged by a keyset (sort value and id of the last row
 * seen) so pages stay stable while resources change.
 *
 * @param identifierSystem null for any system
 * @param updatedFrom inclusive lower bound of last update, or null
 * @param updatedBefore exclusive upper bound of last update, or null
 * @param byLastUpdated sort by last update (else by id)
 * @param after continue after this position, or null for the first page
 * @param backwards read the page before {@code after} instead (previous link)
 * @param trial criteria on the trial projection (ResearchStudy only)
 * @param references each must be a reference of the resource at that path (site, sponsor, organization, …)
 * @param draftTeams the teams whose draft trials a search asking for drafts may find; null: every team's
 */
public record CatalogueQuery(
        String type,
        String id,
        String identifierSystem,
        String identifierValue,
        Instant updatedFrom,
        Instant updatedBefore,
        boolean byLastUpdated,
        boolean descending,
        Position after,
        boolean backwards,
        int count,
        TrialCriteria trial,
        java.util.List<ResourceContent.Link> references,
        java.util.Set<String> draftTeams) {

    /** Where a page ends: the sort value and id of its last row. */
    public record Position(Instant lastUpdated, String id) {}
}
