package dk.trialport.fhir;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operations this server does not have ({@code $everything}, any other {@code $name}), and a POST to an instance:
 * an OperationOutcome that says so, 404 and 405. The operations it has are mapped more specifically; a type-level
 * or system-level {@code $name} is refused by {@link ResourceTypes}.
 */
@RestController
class UnknownOperations {

    @RequestMapping("/fhir/{type}/{id}/{operation:\\$.+}")
    void instanceOperation(@PathVariable String type, @PathVariable String id, @PathVariable String operation) {
        throw unknown(operation, type + "/" + id);
    }

    @org.springframework.web.bind.annotation.PostMapping("/fhir/{type}/{id}")
    void postToInstance(@PathVariable String type, @PathVariable String id) {
        if (id.startsWith("$")) {
            throw unknown(id, type);
        }
        throw new FhirProblem(
                HttpStatus.METHOD_NOT_ALLOWED,
                "not-supported",
                "POST is not allowed on " + type + "/" + id + ": update it with PUT, or create with POST /fhir/" + type,
                null);
    }

    private static FhirProblem unknown(String operation, String target) {
        return new FhirProblem(
                HttpStatus.NOT_FOUND,
                "not-supported",
                "Operation " + operation + " is not supported on " + target + "; see /fhir/metadata",
                null);
    }
}
