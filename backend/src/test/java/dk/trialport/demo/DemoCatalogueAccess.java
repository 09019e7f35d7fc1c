package dk.trialport.demo;

import dk.trialport.fhir.BundleProcessor;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.springframework.context.ApplicationContext;

/** The demo catalogue for tests and benchmarks of other features. */
public final class DemoCatalogueAccess {

    private DemoCatalogueAccess() {}

    /** Seeds the demo catalogue through the transaction path; how many trials were added. */
    public static int seed(ApplicationContext context) {
        return context.getBean(DemoCatalogueSeeder.class).seedAll().block();
    }

    /**
     * Publishes the first recruiting trial of the seed's sequence through the transaction path, as a hospital
     * would; its id.
     */
    public static String publishRecruiting(ApplicationContext context, long seed) {
        var generator = new DemoTrialGenerator(seed);
        for (int number = 1; ; number++) {
            var bundle = generator.trial(number);
            var study = (ResearchStudy) bundle.getEntry().getLast().getResource();
            if (study.getStatus() == ResearchStudy.ResearchStudyStatus.ACTIVE) {
                var response = context.getBean(BundleProcessor.class)
                        .transaction(bundle, "demo")
                        .block();
                return response.getEntry().getLast().getResponse().getLocation().split("/")[1];
            }
        }
    }
}
