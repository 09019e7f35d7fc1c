package dk.trialport.demo;

import dk.trialport.catalogue.CatalogueStore;
import dk.trialport.fhir.TrialportFhir.TrialIdentifier;
import dk.trialport.registry.ImportFormat;
import dk.trialport.registry.ImportJobs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Adds the real Danish trials of {@code trialport.demo.registry-data} (the run command names {@code ../shared/data}
 * beside the checkout) to the demo catalogue, once: the ClinicalTrials.gov records of {@code ctgov/} and the AACT
 * sample of {@code nordic/}, through the registry import, in the background after start. "Once" means while no trial
 * carries an NCT number yet (the generated demo trials carry none). Without the directory, the generated demo only.
 */
@Component
class DemoRegistryTrials {

    private static final Logger log = LoggerFactory.getLogger(DemoRegistryTrials.class);

    private final DemoProperties demo;
    private final ImportJobs jobs;
    private final CatalogueStore store;

    DemoRegistryTrials(DemoProperties demo, ImportJobs jobs, CatalogueStore store) {
        this.demo = demo;
        this.jobs = jobs;
        this.store = store;
    }

    @EventListener
    void load(ApplicationReadyEvent event) {
        if (!demo.enabled() || demo.registryData().isBlank()) {
            return;
        }
        var root = Path.of(demo.registryData()).toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            log.info("No registry data at {}: the demo catalogue holds the generated trials only", root);
            return;
        }
        Thread.ofPlatform().name("demo-registry-trials").start(() -> importOnce(root));
    }

    /** Imports the registry data under {@code root} unless registry trials are there; whether it did. */
    boolean importOnce(Path root) {
        var imported = store.identifiersOf("ResearchStudy", TrialIdentifier.NCT)
                .hasElements()
                .retryWhen(StartupRetry.onUnreachableDatabase("Demo registry trials"))
                .block();
        if (Boolean.TRUE.equals(imported)) {
            log.info("The demo catalogue holds registry trials already: {} is not imported again", root);
            return false;
        }
        log.info("Demo catalogue: importing the real Danish trials of {} in the background", root);
        var ctgov = root.resolve("ctgov");
        if (Files.isDirectory(ctgov)) {
            jobs.run(ctgov, ImportFormat.CTGOV, false, Instant.now());
        }
        var aact = root.resolve("nordic").resolve("ctgov_nordic_aact_sample.csv");
        if (Files.isRegularFile(aact)) {
            jobs.run(aact, ImportFormat.AACT, false, Instant.now());
        }
        return true;
    }
}
