package dk.trialport.fhir;

import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Shared handling of the general search and result parameters. */
final class SearchParameters {

    static final int DEFAULT_COUNT = 20;
    static final int MAX_COUNT = 500;
    /** A FHIR id: 1 to 64 letters, digits, '-' and '.'. */
    static final Pattern ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

    private static final Set<String> SUMMARY = Set.of("true", "false", "text", "data", "count");
    private static final Set<String> TOTAL = Set.of("none", "estimate", "accurate");
    private static final Set<String> PRETTY = Set.of("true", "false");

    private SearchParameters() {}

    static int count(String value) {
        if (value == null) {
            return DEFAULT_COUNT;
        }
        try {
            int count = Integer.parseInt(value);
            if (count < 0) {
                throw new NumberFormatException();
            }
            return Math.min(count, MAX_COUNT);
        } catch (NumberFormatException e) {
            throw new FhirProblem(
                    HttpStatus.BAD_REQUEST, "value", "_count must be a whole number ≥ 0, not " + value, "_count");
        }
    }

    /**
     * The parameters a search honours: all of them, refusing an unknown one with 400, or with
     * {@code Prefer: handling=lenient} the known ones only, as FHIR's search says.
     */
    static MultiValueMap<String, String> known(
            MultiValueMap<String, String> params,
            ServerHttpRequest request,
            java.util.function.Predicate<String> isKnown,
            String type) {
        var known = new LinkedMultiValueMap<String, String>();
        boolean lenient = lenient(request);
        params.forEach((name, values) -> {
            if (isKnown.test(name)) {
                known.put(name, values);
            } else if (!lenient) {
                throw new FhirProblem(
                        HttpStatus.BAD_REQUEST,
                        "not-supported",
                        "Search parameter " + name
                                + " is not supported for " + type
                                + "; see /fhir/metadata (or send Prefer: handling=lenient to have it "
                                + "ignored)",
                        name);
            }
        });
        checkValues(known);
        checkResultParameters(known);
        return known;
    }

    /** Whether the request asked for unknown search parameters to be ignored. */
    static boolean lenient(ServerHttpRequest request) {
        return request.getHeaders().getOrEmpty("Prefer").stream()
                .flatMap(header -> java.util.Arrays.stream(header.split("[;,]")))
                .anyMatch(part -> part.strip().equalsIgnoreCase("handling=lenient"));
    }

    /** No parameter value may hold a control character (a NUL never matches anything and breaks the database). */
    static void checkValues(MultiValueMap<String, String> params) {
        params.forEach((name, values) -> values.forEach(value -> {
            if (value != null && value.chars().anyMatch(Character::isISOControl)) {
                throw new FhirProblem(
                        HttpStatus.BAD_REQUEST, "value", "The value of " + name + " holds a control character", name);
            }
        }));
    }

    /** {@code _summary}, {@code _total} and {@code _pretty} take only the values FHIR defines. */
    static void checkResultParameters(MultiValueMap<String, String> params) {
        check(params, "_summary", SUMMARY);
        check(params, "_total", TOTAL);
        check(params, "_pretty", PRETTY);
    }

    /** A FHIR id, or 400 naming the parameter. */
    static String id(String name, String value) {
        if (value == null || !ID.matcher(value).matches()) {
            throw new FhirProblem(
                    HttpStatus.BAD_REQUEST,
                    "value",
                    name + "=" + value + " is not a FHIR id (1 to 64 letters, digits, '-' and '.')",
                    name);
        }
        return value;
    }

    private static void check(MultiValueMap<String, String> params, String name, Set<String> allowed) {
        for (var value : params.getOrDefault(name, java.util.List.of())) {
            if (!allowed.contains(value)) {
                throw new FhirProblem(
                        HttpStatus.BAD_REQUEST,
                        "value",
                        name + "=" + value + " is not supported; use one of "
                                + String.join(", ", new java.util.TreeSet<>(allowed)),
                        name);
            }
        }
    }
}
