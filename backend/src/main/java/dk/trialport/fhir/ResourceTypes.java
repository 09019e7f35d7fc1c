package dk.trialport.fhir;

import java.util.List;
import org.springframework.http.HttpStatus;

/** The resource types the catalogue keeps. */
final class ResourceTypes {

    static final List<String> CATALOGUE =
            List.of("ResearchStudy", "Location", "Organization", "PractitionerRole", "Group");

    private ResourceTypes() {}

    static String require(String type) {
        if (type.startsWith("$")) {
            throw new FhirProblem(
                    HttpStatus.NOT_FOUND,
                    "not-supported",
                    "Operation " + type + " is not supported; see /fhir/metadata",
                    null);
        }
        if (!CATALOGUE.contains(type)) {
            throw new FhirProblem(
                    HttpStatus.NOT_FOUND,
                    "not-supported",
                    "Resource type " + type + " is not served here; supported: " + String.join(", ", CATALOGUE),
                    null);
        }
        return type;
    }

    /** A FHIR id in a URL: {@code $name} is an operation this server does not have (404), anything else must be an id. */
    static String requireId(String type, String id) {
        if (id.startsWith("$")) {
            throw new FhirProblem(
                    HttpStatus.NOT_FOUND,
                    "not-supported",
                    "Operation " + id + " is not supported on " + type + "; see /fhir/metadata",
                    null);
        }
        if (!SearchParameters.ID.matcher(id).matches()) {
            throw new FhirProblem(
                    HttpStatus.BAD_REQUEST,
                    "value",
                    type + "/" + id + ": not a FHIR id (1 to 64 letters, digits, '-' and '.')",
                    null);
        }
        return id;
    }
}
