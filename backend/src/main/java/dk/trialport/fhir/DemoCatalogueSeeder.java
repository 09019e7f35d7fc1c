package dk.trialport.fhir;

import dk.trialport.catalogue.CatalogueStore;
import dk.trialport.fhir.TrialportFhir.TrialIdentifier;
import dk.trialport.fhir.demo.DemoProperties;
import dk.trialport.fhir.demo.DemoTrialGenerator;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Fills the catalogue with the demo trials once the application is up, when
 * {@code trialport.demo.enabled}: each trial one transaction through the same path as a hospital's,
 * skipping those already there, so an interrupted start is completed by the next one.
 */
@Component
class DemoCatalogueSeeder {

  private static final Logger log = LoggerFactory.getLogger(DemoCatalogueSeeder.class);

  private final DemoProperties demo;
  private final BundleProcessor bundles;
  private final CatalogueStore store;

  DemoCatalogueSeeder(DemoProperties demo, BundleProcessor bundles, CatalogueStore store) {
    this.demo = demo;
    this.bundles = bundles;
    this.store = store;
  }

  @EventListener
  void seed(ApplicationReadyEvent event) {
    if (demo.enabled()) {
      seedAll().subscribeOn(Schedulers.boundedElastic())
          .subscribe(added -> log.info("Demo catalogue ready: {} trials added, {} in all", added, demo.trials()),
              error -> log.error("Demo catalogue could not be filled", error));
    }
  }

  /** Adds the missing demo trials; emits how many were added. */
  Mono<Integer> seedAll() {
    var generator = new DemoTrialGenerator(demo.seed());
    int step = Math.max(1, demo.trials() / 10);
    return Flux.range(1, demo.trials())
        .map(number -> new Numbered(number, generator.trial(number)))
        .concatMap(trial -> exists(trial.bundle()).flatMap(present -> present ? Mono.just(0)
            : bundles.transaction(trial.bundle(), "demo").thenReturn(1))
            .doOnNext(added -> {
              if (trial.number() % step == 0) {
                log.info("Demo catalogue: {}/{} trials", trial.number(), demo.trials());
              }
            }))
        .reduce(0, Integer::sum);
  }

  private Mono<Boolean> exists(Bundle bundle) {
    var study = (ResearchStudy) bundle.getEntry().get(bundle.getEntry().size() - 1).getResource();
    var protocol = study.getIdentifier().stream().filter(i -> TrialIdentifier.LOCAL_PROTOCOL.equals(i.getSystem()))
        .findFirst().orElseThrow().getValue();
    return store.idsByIdentifier("ResearchStudy", TrialIdentifier.LOCAL_PROTOCOL, protocol).hasElements();
  }

  private record Numbered(int number, Bundle bundle) {}
}
