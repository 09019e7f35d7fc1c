package dk.trialport.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;

/**
 * How a search's free text was read: the filters found in it (places, healthy volunteers, children, sex, age) and
 * the words left as the text query.
 *
 * @param text the words searched as text, or null when every word was a filter
 * @param filters what was understood as filters, in the order of the text
 */
public record Understood(String text, List<Filter> filters) {

    public Understood {
        filters = List.copyOf(filters);
    }

    /** The kinds of filter the text can hold. */
    public enum Kind {
        NEAR("near"),
        REGION("region"),
        HEALTHY_VOLUNTEERS("healthyVolunteers"),
        SEX("sex"),
        AGE("age");

        private final String name;

        Kind(String name) {
            this.name = name;
        }

        /** The kind's name in the API. */
        @JsonValue
        public String apiName() {
            return name;
        }
    }

    /**
     * One filter read from the text.
     *
     * @param kind what it filters
     * @param words the words of the text it was read from, as written
     * @param label how it reads, in the reader's language ("nær Aarhus (50 km)")
     * @param textWithout the free text without these words: search with it to drop this filter
     * @param postalCode NEAR: the postal code whose centroid the distance is measured from
     * @param distanceKm NEAR: the radius
     * @param region REGION: the region, as sites carry it
     * @param healthyVolunteers HEALTHY_VOLUNTEERS: true
     * @param sex SEX: male or female
     * @param minAge AGE: where the ages asked for start (inclusive), or null
     * @param maxAge AGE: where the ages asked for end (exclusive: "under 18" is 18), or null
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Filter(
            Kind kind,
            String words,
            String label,
            String textWithout,
            String postalCode,
            Integer distanceKm,
            String region,
            Boolean healthyVolunteers,
            String sex,
            Double minAge,
            Double maxAge) {}

    /** The age span of the AGE filter: the trial's age range must overlap it; null when there is none. */
    Filter age() {
        return filters.stream().filter(f -> f.kind() == Kind.AGE).findFirst().orElse(null);
    }
}
