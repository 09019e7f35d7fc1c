package dk.trialport.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.StrictErrorHandler;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

/**
 * Turns a request body into a resource: strict parsing (unknown elements and bad codes are refused
 * with 400), then validation against the R4 base definitions and Trialport's rules (422).
 */
@Component
class ResourceIntake {

  private final FhirContext context;
  private final FhirValidator validator;
  private final TrialportRules rules;

  ResourceIntake(FhirContext context, FhirValidator validator, TrialportRules rules) {
    this.context = context;
    this.validator = validator;
    this.rules = rules;
  }

  /** Parses {@code body}; with {@code expectedType} the resource must be of that type. */
  Resource parse(String body, ServerHttpRequest request, String expectedType) {
    if (body == null || body.isBlank()) {
      throw new FhirProblem(HttpStatus.BAD_REQUEST, "required", "The request has no body", null);
    }
    var format = FhirFormat.ofBody(request);
    var parser = format.parser(context).setParserErrorHandler(new StrictErrorHandler());
    Resource resource;
    try {
      resource = (Resource) parser.parseResource(body);
    } catch (DataFormatException | ClassCastException e) {
      throw new FhirProblem(HttpStatus.BAD_REQUEST, "structure", "The body is not a valid FHIR R4 resource: "
          + e.getMessage(), null);
    }
    var type = resource.fhirType();
    if (expectedType != null && !expectedType.equals(type)) {
      throw new FhirProblem(HttpStatus.BAD_REQUEST, "invalid",
          "The body is a " + type + " but the URL is for " + expectedType, "resourceType");
    }
    return resource;
  }

  /** Validates; every error becomes an issue of one 422 answer. */
  void validate(Resource resource) {
    var issues = findIssues(resource);
    var errors = issues.stream()
        .filter(issue -> issue.severity().equals("error") || issue.severity().equals("fatal")).toList();
    if (!errors.isEmpty()) {
      throw new FhirProblem(HttpStatus.UNPROCESSABLE_CONTENT, errors);
    }
  }

  /** All issues of the base validation and Trialport's rules, warnings included ($validate). */
  List<FhirProblem.Issue> findIssues(Resource resource) {
    var issues = new ArrayList<FhirProblem.Issue>();
    for (SingleValidationMessage message : validator.validateWithResult(resource).getMessages()) {
      if (message.getSeverity().ordinal() >= ResultSeverityEnum.WARNING.ordinal()) {
        issues.add(new FhirProblem.Issue(message.getSeverity().getCode(), "invariant", message.getMessage(),
            message.getLocationString()));
      }
    }
    issues.addAll(rules.check(resource));
    return issues;
  }
}
