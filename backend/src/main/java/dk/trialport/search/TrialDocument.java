package dk.trialport.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A trial as the search index holds it: the projection, its sites, and its conditions expanded by the vocabulary;
 * {@code freshUntil} is when its record turns stale ({@link dk.trialport.catalogue.Freshness}), which searches
 * compare with the time they run.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record TrialDocument(
        String id,
        int version,
        String lastUpdated,
        String title,
        String layTitleDa,
        String layTitleEn,
        String summaryDa,
        String summaryEn,
        List<String> conditions,
        List<String> conditionTerms,
        List<String> conditionConcepts,
        List<String> conditionConceptsDirect,
        List<String> conditionAreas,
        List<String> conditionCodes,
        List<String> interventions,
        List<String> keywords,
        String sponsor,
        List<String> identifiers,
        List<String> siteText,
        String status,
        String recruitmentStatus,
        List<String> phases,
        String studyType,
        AgeRange ageRange,
        Double minimumAge,
        Double maximumAge,
        String sex,
        Boolean healthyVolunteers,
        Boolean decentralized,
        String startDate,
        List<String> regions,
        List<String> hospitals,
        List<Location> siteLocations,
        List<SiteSummary> sites,
        List<String> suggest,
        String freshUntil) {

    /** Sex value of a trial open to everyone. */
    static final String ANY_SEX = "all";

    /** An age range in years; a bound the trial does not set is open. */
    record AgeRange(Double gte, Double lte) {}

    /** A point as Elasticsearch's geo_point takes it. */
    record Location(double lat, double lon) {}

    /** What a result shows of a site. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SiteSummary(
            String id,
            String name,
            String hospital,
            String city,
            String postalCode,
            String region,
            Double lat,
            Double lon) {}
}
