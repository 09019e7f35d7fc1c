package dk.trialport.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * One page of search results: how many trials match in all, this page's trials, the facet counts
 * keyed by filter name, the cursor of the next page (null on the last), and how the free text was understood (when
 * there was free text and the request came through {@link QueryUnderstanding}).
 */
public record SearchPage(
        long total,
        List<Item> items,
        Map<String, List<FacetValue>> facets,
        String next,
        @JsonInclude(JsonInclude.Include.NON_NULL) Understood understood) {

    /**
     * One trial in a result list, in the reader's language where the trial has it; {@code stale} is true when its
     * record has not been changed or confirmed for a year, or it still says recruiting after its end (absent otherwise).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(
            String id,
            List<String> identifiers,
            String title,
            String titleLanguage,
            String scientificTitle,
            String summary,
            String status,
            String recruitmentStatus,
            List<String> phases,
            List<String> conditions,
            List<String> conditionAreas,
            Double minimumAge,
            Double maximumAge,
            String sex,
            Boolean healthyVolunteers,
            Boolean decentralized,
            String startDate,
            String lastUpdated,
            int siteCount,
            NearestSite nearestSite,
            Map<String, List<String>> highlights,
            Double score,
            Boolean stale) {}

    /** The site nearest the place searched from (or the first site when no place was given). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NearestSite(
            String name, String hospital, String city, String postalCode, String region, Double distanceKm) {}

    /** One value of a facet: what to send back as filter, what to show, and how many trials have it. */
    public record FacetValue(String value, String label, long count) {}
}
