package dk.trialport.search;

import dk.trialport.search.vocabulary.GeoPoint;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * What a person or system searches for. Empty lists mean "any"; several values of one list mean "any
 * of them". Without statuses, only trials open for recruitment are found.
 *
 * @param text free text in Danish or English, or null
 * @param conditions condition concepts or areas from the vocabulary (e.g. {@code diabetes})
 * @param age a person's age in years: the trial's range must include it, a missing bound counting as open
 * @param sex the person's sex (male or female): trials for that sex or for anyone
 * @param near a place to measure distance from; with {@code distanceKm}, only trials with a site that close
 * @param cursor where the previous page ended, or null for the first page
 * @param fhir criteria only FHIR search has (the JSON API leaves them empty)
 * @param understood how {@link QueryUnderstanding} read the free text (then {@code text} is what was left of it),
 *     or null
 */
public record TrialQuery(
        String text,
        List<String> statuses,
        List<String> conditions,
        List<String> phases,
        List<String> studyTypes,
        Double age,
        String sex,
        Boolean healthyVolunteers,
        List<String> regions,
        List<String> hospitals,
        Boolean decentralized,
        LocalDate startFrom,
        LocalDate startTo,
        GeoPoint near,
        Integer distanceKm,
        Sort sort,
        String cursor,
        int size,
        Locale locale,
        FhirCriteria fhir,
        Understood understood) {

    /**
     * What FHIR's ResearchStudy search asks beyond the JSON API.
     *
     * @param statuses R4 {@code ResearchStudy.status} codes
     * @param conditionCodes condition codes as {@code system|code} or a bare {@code code}
     * @param conditionText words a condition's name or lay names must contain ({@code condition:text})
     * @param concepts condition concepts a trial should have, each with its weight in the score ({@code $match}:
     *     a patient's conditions); a trial needs at least one
     */
    public record FhirCriteria(
            List<String> statuses, List<String> conditionCodes, String conditionText, List<WeightedConcept> concepts) {

        public static final FhirCriteria NONE = new FhirCriteria(List.of(), List.of(), null, List.of());
    }

    /**
     * A concept a trial should have: among all its concepts (with their broader ones), or, when {@code direct},
     * as one of the conditions the trial names itself.
     */
    public record WeightedConcept(String concept, boolean direct, double weight) {}

    /** A copy with FHIR's own criteria. */
    public TrialQuery with(FhirCriteria criteria) {
        return copy(text, statuses, regions, healthyVolunteers, sex, near, distanceKm, cursor, criteria, understood);
    }

    /** A copy with the filters read from the text set, and the text what is left of it. */
    TrialQuery understood(
            GeoPoint near,
            Integer distanceKm,
            List<String> regions,
            Boolean healthyVolunteers,
            String sex,
            Understood understood) {
        return copy(
                understood.text(),
                statuses,
                regions,
                healthyVolunteers,
                sex,
                near,
                distanceKm,
                cursor,
                fhir,
                understood);
    }

    /** A copy searching other text, from the first page. */
    TrialQuery withText(String text) {
        return copy(text, statuses, regions, healthyVolunteers, sex, near, distanceKm, null, fhir, understood);
    }

    /** A copy with another radius around its place, from the first page. */
    TrialQuery withDistance(int distanceKm) {
        return copy(text, statuses, regions, healthyVolunteers, sex, near, distanceKm, null, fhir, understood);
    }

    /** A copy that finds trials of every status, from the first page. */
    TrialQuery withAnyStatus() {
        return copy(
                text, List.of(ANY_STATUS), regions, healthyVolunteers, sex, near, distanceKm, null, fhir, understood);
    }

    private TrialQuery copy(
            String text,
            List<String> statuses,
            List<String> regions,
            Boolean healthyVolunteers,
            String sex,
            GeoPoint near,
            Integer distanceKm,
            String cursor,
            FhirCriteria fhir,
            Understood understood) {
        return new TrialQuery(
                text,
                statuses,
                conditions,
                phases,
                studyTypes,
                age,
                sex,
                healthyVolunteers,
                regions,
                hospitals,
                decentralized,
                startFrom,
                startTo,
                near,
                distanceKm,
                sort,
                cursor,
                size,
                locale,
                fhir,
                understood);
    }

    /** Status a search finds when none is asked for: open for recruitment. */
    static final String OPEN = "recruiting";
    /** Status value that turns the status filter off. */
    static final String ANY_STATUS = "all";

    /** The orders a result list can have. */
    public enum Sort {
        RELEVANCE,
        DISTANCE,
        NEWEST,
        UPDATED;

        static Sort parse(String value) {
            return value == null || value.isBlank()
                    ? null
                    : Sort.valueOf(value.strip().toUpperCase(Locale.ROOT));
        }
    }

    /** The statuses to filter on: open for recruitment by default, none for {@code all}. */
    List<String> effectiveStatuses() {
        if (statuses.isEmpty()) {
            return List.of(OPEN);
        }
        return statuses.contains(ANY_STATUS) ? List.of() : statuses;
    }

    /** Relevance when there is text, nearest first when there is a place, else newest. */
    Sort effectiveSort() {
        if (sort != null) {
            return sort;
        }
        if (text != null || !fhir.concepts().isEmpty()) {
            return Sort.RELEVANCE;
        }
        return near != null ? Sort.DISTANCE : Sort.NEWEST;
    }
}
