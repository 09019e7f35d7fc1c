package dk.trialport.fhir;

import ca.uhn.fhir.validation.FhirValidator;
import org.hl7.fhir.r4.model.Organization;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Loads the R4 definitions into the validator in the background once the application is up, so the first write is not slow. */
@Component
class ValidatorWarmup {

    private static final Logger log = LoggerFactory.getLogger(ValidatorWarmup.class);

    private final FhirValidator validator;

    ValidatorWarmup(FhirValidator validator) {
        this.validator = validator;
    }

    @EventListener
    void warmUp(ApplicationReadyEvent event) {
        Mono.fromRunnable(() -> {
                    long start = System.nanoTime();
                    validator.validateWithResult(new Organization().setName("warm-up"));
                    log.info("FHIR validator ready in {} ms", (System.nanoTime() - start) / 1_000_000);
                })
                .subscribeOn(Schedulers.boundedElastic())
                .subscribe(null, e -> log.warn("FHIR validator warm-up failed", e));
    }
}
