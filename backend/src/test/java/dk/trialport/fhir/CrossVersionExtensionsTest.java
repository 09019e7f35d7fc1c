package dk.trialport.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.validation.SingleValidationMessage;
import dk.trialport.fhir.TrialportFhir.Extensions;
import dk.trialport.support.FhirTestSupport;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;

/** The cross-version extension definitions are in force: well-formed uses pass, malformed ones fail. */
class CrossVersionExtensionsTest {

    @Test
    void acceptsAWellFormedLabel() {
        var study = study();
        var label = study.addExtension().setUrl(Extensions.LABEL);
        label.addExtension("type", new CodeableConcept().setText("Lay title"));
        label.addExtension("value", new StringType("Semaglutide for type 2 diabetes"));

        assertThat(FhirTestSupport.errors(study)).isEmpty();
    }

    @Test
    void rejectsAnUnknownPartOrAWrongType() {
        var study = study();
        study.addExtension().setUrl(Extensions.LABEL).addExtension("colour", new StringType("blue"));
        study.addExtension().setUrl(Extensions.RECRUITMENT).addExtension("targetNumber", new StringType("many"));

        assertThat(FhirTestSupport.errors(study))
                .extracting(SingleValidationMessage::getLocationString)
                .anyMatch(location -> location.contains("extension[0]"))
                .anyMatch(location -> location.contains("extension[1]"));
    }

    private static ResearchStudy study() {
        return new ResearchStudy()
                .setStatus(ResearchStudy.ResearchStudyStatus.ACTIVE)
                .setTitle("A trial");
    }
}
