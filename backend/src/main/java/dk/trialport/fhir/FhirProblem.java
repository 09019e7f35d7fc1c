package dk.trialport.fhir;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A request the FHIR API refuses, with the HTTP status and the OperationOutcome issues to answer.
 *
 * @param issues each with an IssueType code, a message and, where known, the FHIRPath expression
 */
class FhirProblem extends RuntimeException {

    /** One issue of an OperationOutcome. */
    record Issue(String severity, String code, String message, String expression) {}

    private final HttpStatus status;
    private final List<Issue> issues;

    FhirProblem(HttpStatus status, String code, String message, String expression) {
        this(status, List.of(new Issue("error", code, message, expression)));
    }

    FhirProblem(HttpStatus status, List<Issue> issues) {
        super(issues.isEmpty() ? status.getReasonPhrase() : issues.get(0).message());
        this.status = status;
        this.issues = issues;
    }

    HttpStatus status() {
        return status;
    }

    List<Issue> issues() {
        return issues;
    }
}
