package dk.trialport.portal;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.util.MultiValueMap;

/**
 * What the search form shows, read back from the query string (the bookmarkable state of a search). Public
 * so that templates can read it.
 *
 * @param hidden parameters the form has no field for (hospital, study type, dates, …), kept as hidden fields
 */
public record SearchForm(
        String q,
        String age,
        String sex,
        String healthyVolunteers,
        String decentralized,
        String postalCode,
        String distanceKm,
        String sort,
        Map<String, List<String>> selected,
        List<Hidden> hidden) {

    /** The filters shown as lists of check boxes. */
    static final List<String> LISTS = List.of("status", "condition", "phase", "region");
    /** Distances a person can choose, in km. */
    public static final List<String> DISTANCES = List.of("10", "25", "50", "100", "200");
    /** Sort orders a person can choose. */
    public static final List<String> SORTS = List.of("relevance", "distance", "newest", "updated");

    private static final Set<String> FIELDS = Set.of(
            "q",
            "age",
            "sex",
            "healthyVolunteers",
            "decentralized",
            "postalCode",
            "distanceKm",
            "sort",
            "status",
            "condition",
            "phase",
            "region",
            "cursor",
            "lang");

    /** A parameter carried along unchanged. */
    public record Hidden(String name, String value) {}

    static SearchForm of(MultiValueMap<String, String> parameters) {
        var selected =
                LISTS.stream().collect(Collectors.toUnmodifiableMap(name -> name, name -> values(parameters, name)));
        var hidden = parameters.entrySet().stream()
                .filter(entry -> !FIELDS.contains(entry.getKey()))
                .flatMap(entry -> entry.getValue().stream().map(value -> new Hidden(entry.getKey(), value)))
                .toList();
        return new SearchForm(
                first(parameters, "q"),
                first(parameters, "age"),
                first(parameters, "sex"),
                first(parameters, "healthyVolunteers"),
                first(parameters, "decentralized"),
                first(parameters, "postalCode"),
                first(parameters, "distanceKm"),
                first(parameters, "sort"),
                selected,
                hidden);
    }

    /** Whether a check box is ticked; with no status chosen, the search shows trials open for recruitment. */
    public boolean isChecked(String name, String value) {
        var values = selected.getOrDefault(name, List.of());
        if (name.equals("status") && values.isEmpty()) {
            return value.equals("recruiting");
        }
        return values.contains(value);
    }

    /** Whether the person gave anything the results can be measured against (age, sex). */
    public boolean hasPerson() {
        return age != null && !age.isBlank() || sex != null && !sex.isBlank();
    }

    private static String first(MultiValueMap<String, String> parameters, String name) {
        var value = parameters.getFirst(name);
        return value == null ? "" : value.strip();
    }

    private static List<String> values(MultiValueMap<String, String> parameters, String name) {
        var values = parameters.get(name);
        return values == null
                ? List.of()
                : values.stream()
                        .flatMap(value -> Arrays.stream(value.split(",")))
                        .map(String::strip)
                        .filter(value -> !value.isEmpty())
                        .distinct()
                        .toList();
    }
}
