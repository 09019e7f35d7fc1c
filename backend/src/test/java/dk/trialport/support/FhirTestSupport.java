package dk.trialport.support;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import dk.trialport.fhir.TrialportProfile;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.hl7.fhir.r4.model.Resource;

/**
 * One FhirContext and one offline R4 validator for all mapping tests (both are expensive to build):
 * the application's chain: R4 core, Trialport's profile (with the cross-version extension definitions) and a snapshot generator.
 */
public final class FhirTestSupport {

    public static final FhirContext CONTEXT = FhirContext.forR4Cached();

    private static FhirValidator validator;

    private FhirTestSupport() {}

    public static synchronized FhirValidator validator() {
        if (validator == null) {
            var support = new ValidationSupportChain(
                    new DefaultProfileValidationSupport(CONTEXT),
                    TrialportProfile.get().validationSupport(),
                    new SnapshotGeneratingValidationSupport(CONTEXT),
                    new InMemoryTerminologyServerValidationSupport(CONTEXT),
                    new CommonCodeSystemsTerminologyService(CONTEXT));
            var instanceValidator = new FhirInstanceValidator(support);
            instanceValidator.setAnyExtensionsAllowed(true);
            validator = CONTEXT.newValidator().registerValidatorModule(instanceValidator);
        }
        return validator;
    }

    public static List<SingleValidationMessage> messages(IBaseResource resource) {
        return validator().validateWithResult(resource).getMessages();
    }

    public static List<SingleValidationMessage> errors(IBaseResource resource) {
        return messages(resource).stream()
                .filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
                .toList();
    }

    /** The Bundle encoded to JSON and parsed back. */
    public static Bundle roundTrip(Bundle bundle) {
        return CONTEXT.newJsonParser()
                .parseResource(Bundle.class, CONTEXT.newJsonParser().encodeResourceToString(bundle));
    }

    /** The resources of the Bundle's entries of one type. */
    public static <T extends Resource> List<T> resources(Bundle bundle, Class<T> type) {
        return bundle.getEntry().stream()
                .map(Bundle.BundleEntryComponent::getResource)
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }

    public static ResearchStudy study(Bundle bundle) {
        return resources(bundle, ResearchStudy.class).get(0);
    }

    public static Bundle.BundleEntryComponent entry(Bundle bundle, Resource resource) {
        return bundle.getEntry().stream()
                .filter(e -> e.getResource() == resource)
                .findFirst()
                .orElseThrow();
    }

    public static String fullUrl(Bundle bundle, Resource resource) {
        return entry(bundle, resource).getFullUrl();
    }

    /** {@code shared/data/<child>} found by walking up from the working directory, if present. */
    public static Optional<Path> sharedData(String child) {
        return dk.trialport.support.SharedData.directory(child);
    }

    public static Path fixture() {
        return Path.of("src/test/resources/fhir/r4/ctgov/studies.json");
    }
}
