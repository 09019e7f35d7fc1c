package dk.trialport.search;

import dk.trialport.search.vocabulary.GeoPoint;
import dk.trialport.search.vocabulary.Place;
import dk.trialport.search.vocabulary.PostalCodes;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;

/**
 * Reads a {@link TrialQuery} from request parameters (repeated or comma-separated values), refusing
 * what it cannot understand with the parameter's name, never ignoring it.
 */
@Component
public class TrialQueryParser {

    static final int DEFAULT_SIZE = 20;
    static final Set<String> KNOWN = Set.of(
            "q",
            "status",
            "condition",
            "phase",
            "studyType",
            "age",
            "sex",
            "healthyVolunteers",
            "region",
            "hospital",
            "decentralized",
            "startFrom",
            "startTo",
            "postalCode",
            "lat",
            "lon",
            "distanceKm",
            "sort",
            "cursor",
            "size",
            "lang");
    static final Set<String> SUGGEST = Set.of("q", "lang");

    private final PostalCodes postalCodes;

    TrialQueryParser(PostalCodes postalCodes) {
        this.postalCodes = postalCodes;
    }

    public TrialQuery parse(MultiValueMap<String, String> parameters, Locale locale) {
        for (var name : parameters.keySet()) {
            if (!KNOWN.contains(name)) {
                throw new InvalidSearch(name, "Unknown parameter " + name);
            }
        }
        var text = single(parameters, "q");
        return new TrialQuery(
                text == null || text.isBlank() ? null : text.strip(),
                list(parameters, "status"),
                list(parameters, "condition"),
                list(parameters, "phase"),
                list(parameters, "studyType"),
                number(parameters, "age", 0, 130),
                sex(single(parameters, "sex")),
                flag(parameters, "healthyVolunteers"),
                list(parameters, "region"),
                list(parameters, "hospital"),
                flag(parameters, "decentralized"),
                date(parameters, "startFrom"),
                date(parameters, "startTo"),
                place(parameters),
                integer(parameters, "distanceKm", 1, 1000),
                sort(single(parameters, "sort")),
                cursor(single(parameters, "cursor")),
                sizeOf(parameters),
                locale,
                TrialQuery.FhirCriteria.NONE,
                null);
    }

    /** What a suggestion request has typed so far ({@code q}, two letters or more); {@code lang} as for a search. */
    public String suggestionPrefix(MultiValueMap<String, String> parameters) {
        for (var name : parameters.keySet()) {
            if (!SUGGEST.contains(name)) {
                throw new InvalidSearch(name, "Unknown parameter " + name);
            }
        }
        var text = single(parameters, "q");
        if (text == null || text.strip().length() < 2) {
            throw new InvalidSearch("q", "q is required: what has been typed so far, two letters or more");
        }
        return text.strip();
    }

    private static String cursor(String value) {
        if (value != null && value.isBlank()) {
            throw new InvalidSearch(
                    "cursor",
                    "The cursor is empty: leave it out for the first page, or send the next value of "
                            + "the previous page");
        }
        return value;
    }

    private GeoPoint place(MultiValueMap<String, String> parameters) {
        var postalCode = single(parameters, "postalCode");
        if (postalCode != null && !postalCode.isBlank()) {
            return postalCodes
                    .find(postalCode.strip())
                    .map(Place::point)
                    .orElseThrow(() -> new InvalidSearch("postalCode", "Unknown Danish postal code: " + postalCode));
        }
        var lat = number(parameters, "lat", -90, 90);
        var lon = number(parameters, "lon", -180, 180);
        if ((lat == null) != (lon == null)) {
            throw new InvalidSearch(lat == null ? "lat" : "lon", "Give both lat and lon, or a postal code");
        }
        return lat == null ? null : new GeoPoint(lat, lon);
    }

    private static int sizeOf(MultiValueMap<String, String> parameters) {
        var size = integer(parameters, "size", 1, TrialSearch.MAX_SIZE);
        return size == null ? DEFAULT_SIZE : size;
    }

    private static TrialQuery.Sort sort(String value) {
        try {
            return TrialQuery.Sort.parse(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidSearch("sort", "sort must be relevance, distance, newest or updated, not " + value);
        }
    }

    private static String sex(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        var sex = value.strip().toLowerCase(Locale.ROOT);
        if (!sex.equals("male") && !sex.equals("female")) {
            throw new InvalidSearch("sex", "sex must be male or female, not " + value);
        }
        return sex;
    }

    private static String single(MultiValueMap<String, String> parameters, String name) {
        var values = parameters.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw new InvalidSearch(name, name + " can be given once");
        }
        return values.get(0);
    }

    private static List<String> list(MultiValueMap<String, String> parameters, String name) {
        var values = parameters.get(name);
        if (values == null) {
            return List.of();
        }
        return values.stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::strip)
                .filter(value -> !value.isEmpty())
                .distinct()
                .toList();
    }

    private static Double number(MultiValueMap<String, String> parameters, String name, double min, double max) {
        var value = single(parameters, name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            double number = Double.parseDouble(value.strip());
            if (number < min || number > max || Double.isNaN(number)) {
                throw new InvalidSearch(name, name + " must be between " + (long) min + " and " + (long) max);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new InvalidSearch(name, name + " must be a number, not " + value);
        }
    }

    private static Integer integer(MultiValueMap<String, String> parameters, String name, int min, int max) {
        var number = number(parameters, name, min, max);
        if (number != null && number != Math.rint(number)) {
            throw new InvalidSearch(name, name + " must be a whole number");
        }
        return number == null ? null : number.intValue();
    }

    private static Boolean flag(MultiValueMap<String, String> parameters, String name) {
        var value = single(parameters, name);
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "ja" -> true;
            case "false", "no", "nej" -> false;
            default -> throw new InvalidSearch(name, name + " must be true or false, not " + value);
        };
    }

    private static LocalDate date(MultiValueMap<String, String> parameters, String name) {
        var value = single(parameters, name);
        try {
            return value == null || value.isBlank() ? null : LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidSearch(name, name + " must be a date like 2026-01-31, not " + value);
        }
    }
}
