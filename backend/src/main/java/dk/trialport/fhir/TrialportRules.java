package dk.trialport.fhir;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.hl7.fhir.r4.model.ResearchStudy.ResearchStudyStatus;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;

/**
 * Trialport's own rules beyond the base definitions: a published trial (any status but
 * {@code in-review}, which is a draft) needs a title, a status and a condition; one people can
 * join (active, approved) also needs a site and a contact, either a trial contact or an
 * associated party such as a site's recruitment contact.
 */
@Component
class TrialportRules {

    /** The profile's constraints these rules check (tp-study-1, tp-study-2), as the validator names a failed one. */
    private static final Pattern PROFILE_CONSTRAINTS = Pattern.compile("^Constraint failed: tp-study-[12]:");

    /**
     * Whether a validator message is a failed profile constraint these rules check: they say it per missing element,
     * in plainer words, so the validator's message is left out.
     */
    static boolean checks(String validatorMessage) {
        return validatorMessage != null
                && PROFILE_CONSTRAINTS.matcher(validatorMessage).find();
    }

    List<FhirProblem.Issue> check(Resource resource) {
        var issues = new ArrayList<FhirProblem.Issue>();
        if (resource instanceof ResearchStudy study && isPublished(study)) {
            if (!study.hasTitle() || study.getTitle().isBlank()) {
                issues.add(missing("ResearchStudy.title", "A published trial needs a title"));
            }
            if (!study.hasCondition()) {
                issues.add(missing("ResearchStudy.condition", "A published trial needs at least one condition"));
            }
            if (isOpen(study) && !study.hasSite()) {
                issues.add(missing("ResearchStudy.site", "A trial open for recruitment needs at least one site"));
            }
            if (isOpen(study)
                    && !study.hasContact()
                    && !study.hasExtension(TrialportFhir.Extensions.ASSOCIATED_PARTY)) {
                issues.add(missing("ResearchStudy.contact", "A trial open for recruitment needs a contact"));
            }
        }
        return issues;
    }

    static boolean isOpen(ResearchStudy study) {
        return study.getStatus() == ResearchStudyStatus.ACTIVE || study.getStatus() == ResearchStudyStatus.APPROVED;
    }

    static boolean isPublished(ResearchStudy study) {
        return study.getStatus() != ResearchStudyStatus.INREVIEW;
    }

    private static FhirProblem.Issue missing(String expression, String message) {
        return new FhirProblem.Issue("error", "required", message, expression);
    }
}
