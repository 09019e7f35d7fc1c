package dk.trialport.portal;

import java.util.Set;

/** Which form field a refused search parameter belongs to, and the message shown next to it. */
final class SearchErrors {

    /** Fields that have a message of their own; anything else is reported for the form as a whole. */
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
            "cursor");

    private SearchErrors() {}

    static String field(String parameter) {
        return FIELDS.contains(parameter) ? parameter : "form";
    }

    static String messageKey(String field) {
        return "search.error." + field;
    }
}
