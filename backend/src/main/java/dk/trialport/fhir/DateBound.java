package dk.trialport.fhir;

import java.time.Instant;
import java.util.Set;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.DateTimeType;
import org.springframework.http.HttpStatus;

/**
 * A date search value with its prefix ({@code eq} when none) and the range of instants the date stands for at
 * its precision: {@code 2026-03} is from 2026-03-01 to before 2026-04-01.
 */
record DateBound(String prefix, Instant start, Instant end) {

    private static final Pattern VALUE = Pattern.compile("(eq|ne|gt|lt|ge|le|sa|eb|ap)?(\\d.*)");
    /** The prefixes of {@code _lastUpdated}. */
    static final Set<String> RANGE_PREFIXES = Set.of("eq", "gt", "ge", "lt", "le");

    /** Parses {@code value} of the search parameter {@code name}, allowing only {@code prefixes}; 400 otherwise. */
    static DateBound parse(String name, String value, Set<String> prefixes) {
        var matcher = VALUE.matcher(value == null ? "" : value);
        if (!matcher.matches()) {
            throw invalid(name, value);
        }
        var prefix = matcher.group(1) == null ? "eq" : matcher.group(1);
        if (!prefixes.contains(prefix)) {
            throw new FhirProblem(
                    HttpStatus.BAD_REQUEST,
                    "not-supported",
                    name + "=" + value + ": the prefix " + prefix + " is not supported; use "
                            + String.join(", ", new java.util.TreeSet<>(prefixes)),
                    name);
        }
        DateTimeType parsed;
        try {
            parsed = new DateTimeType(matcher.group(2));
        } catch (RuntimeException e) {
            throw invalid(name, value);
        }
        if (parsed.getValue() == null) {
            throw invalid(name, value);
        }
        return new DateBound(
                prefix,
                parsed.getValue().toInstant(),
                parsed.getPrecision().add(parsed.getValue(), 1).toInstant());
    }

    /** {@code _lastUpdated}: the inclusive lower bound this value sets, or null. */
    Instant from() {
        return switch (prefix) {
            case "eq", "ge" -> start;
            case "gt" -> end;
            default -> null;
        };
    }

    /** {@code _lastUpdated}: the exclusive upper bound this value sets, or null. */
    Instant before() {
        return switch (prefix) {
            case "eq", "le" -> end;
            case "lt" -> start;
            default -> null;
        };
    }

    private static FhirProblem invalid(String name, String value) {
        return new FhirProblem(
                HttpStatus.BAD_REQUEST,
                "value",
                name + "=" + value + ": " + value
                        + " is not a FHIR date or dateTime (optionally prefixed with eq, gt, ge, lt or le)",
                name);
    }
}
