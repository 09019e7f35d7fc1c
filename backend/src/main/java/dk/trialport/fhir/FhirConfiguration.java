package dk.trialport.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One FhirContext for the application (expensive to build) and the offline R4 validator. */
@Configuration(proxyBeanMethods = false)
class FhirConfiguration {

    @Bean
    FhirContext fhirContext() {
        return FhirContext.forR4Cached();
    }

    /** Trialport's published profile, its snapshots generated from the differentials at start. */
    @Bean
    TrialportProfile trialportProfile() {
        return TrialportProfile.get();
    }

    /** The R4 core definitions and Trialport's profile: the same chain an integrator loads with the published package. */
    @Bean
    FhirValidator fhirValidator(FhirContext context, TrialportProfile profile) {
        var support = new ValidationSupportChain(
                new DefaultProfileValidationSupport(context),
                profile.validationSupport(),
                new SnapshotGeneratingValidationSupport(context),
                new InMemoryTerminologyServerValidationSupport(context),
                new CommonCodeSystemsTerminologyService(context));
        var instanceValidator = new FhirInstanceValidator(support);
        instanceValidator.setAnyExtensionsAllowed(true);
        var validator = context.newValidator();
        validator.registerValidatorModule(instanceValidator);
        return validator;
    }
}
