package dk.trialport.fhir;

import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.hl7.fhir.r4.model.ResearchStudy.ResearchStudyStatus;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;

/**
 * Trialport's own rules beyond the base definitions: a published trial (any status but
 * {@code in-review}, which is a draft) needs a title, a status, a condition, a site and a contact.
 */
@Component
class TrialportRules {

  List<FhirProblem.Issue> check(Resource resource) {
    var issues = new ArrayList<FhirProblem.Issue>();
    if (resource instanceof ResearchStudy study && isPublished(study)) {
      if (!study.hasTitle() || study.getTitle().isBlank()) {
        issues.add(missing("ResearchStudy.title", "A published trial needs a title"));
      }
      if (!study.hasCondition()) {
        issues.add(missing("ResearchStudy.condition", "A published trial needs at least one condition"));
      }
      if (!study.hasSite()) {
        issues.add(missing("ResearchStudy.site", "A published trial needs at least one site"));
      }
      if (!study.hasContact()) {
        issues.add(missing("ResearchStudy.contact", "A published trial needs a contact"));
      }
    }
    return issues;
  }

  static boolean isPublished(ResearchStudy study) {
    return study.getStatus() != ResearchStudyStatus.INREVIEW;
  }

  private static FhirProblem.Issue missing(String expression, String message) {
    return new FhirProblem.Issue("error", "required", message, expression);
  }
}
