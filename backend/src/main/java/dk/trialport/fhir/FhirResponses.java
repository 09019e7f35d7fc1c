package dk.trialport.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

/** Encodes resources and OperationOutcomes in the format, shape and detail the request asked for. */
@Component
class FhirResponses {

    private final FhirContext context;

    FhirResponses(FhirContext context) {
        this.context = context;
    }

    ResponseEntity<String> resource(HttpStatus status, IBaseResource resource, ServerHttpRequest request) {
        return resource(status, resource, request, new HttpHeaders());
    }

    ResponseEntity<String> resource(
            HttpStatus status, IBaseResource resource, ServerHttpRequest request, HttpHeaders headers) {
        var format = FhirFormat.forResponse(request);
        return ResponseEntity.status(status)
                .headers(headers)
                .contentType(format.mediaType())
                .body(parser(format, request, resource).encodeResourceToString(resource));
    }

    static OperationOutcome outcomeOf(FhirProblem problem) {
        var outcome = new OperationOutcome();
        for (var issue : problem.issues()) {
            var added = outcome.addIssue()
                    .setSeverity(OperationOutcome.IssueSeverity.fromCode(issue.severity()))
                    .setCode(OperationOutcome.IssueType.fromCode(issue.code()))
                    .setDiagnostics(issue.message());
            if (issue.expression() != null) {
                added.addExpression(issue.expression());
            }
        }
        return outcome;
    }

    ResponseEntity<String> outcome(FhirProblem problem, ServerHttpRequest request) {
        var outcome = outcomeOf(problem);
        FhirFormat format;
        try {
            format = FhirFormat.forResponse(request);
        } catch (FhirProblem unacceptable) {
            format = FhirFormat.JSON;
        }
        return ResponseEntity.status(problem.status())
                .contentType(format.mediaType())
                .body(format.parser(context)
                        .setPrettyPrint(FhirFormat.pretty(request))
                        .encodeResourceToString(outcome));
    }

    /**
     * A parser honouring {@code _pretty}, {@code _elements} and {@code _summary} of the request: on a Bundle they
     * shape its entries' resources, on a read the resource itself.
     */
    IParser parser(FhirFormat format, ServerHttpRequest request, IBaseResource resource) {
        SearchParameters.checkResultParameters(request.getQueryParams());
        var parser = format.parser(context).setPrettyPrint(FhirFormat.pretty(request));
        var elements = request.getQueryParams().getFirst("_elements");
        if (elements != null && !elements.isBlank()) {
            Set<String> paths = Arrays.stream(elements.split(","))
                    .map(String::trim)
                    .filter(e -> !e.isEmpty())
                    .map(e -> "*." + e)
                    .collect(Collectors.toSet());
            parser.setEncodeElements(paths);
            parser.setEncodeElementsAppliesToChildResourcesOnly(resource instanceof org.hl7.fhir.r4.model.Bundle);
        }
        var summary = request.getQueryParams().getFirst("_summary");
        if ("true".equals(summary)) {
            parser.setSummaryMode(true);
        } else if ("text".equals(summary)) {
            parser.setSuppressNarratives(false);
        } else if ("data".equals(summary)) {
            parser.setSuppressNarratives(true);
        }
        return parser;
    }

    /** Whether the stored JSON can be sent as it is: JSON asked for, and no _pretty, _elements or _summary. */
    static boolean asStored(ServerHttpRequest request) {
        var params = request.getQueryParams();
        return FhirFormat.forResponse(request) == FhirFormat.JSON
                && !params.containsKey("_pretty")
                && !params.containsKey("_elements")
                && !params.containsKey("_summary");
    }
}
