package dk.trialport.demo;

import dk.trialport.catalogue.CatalogueStore;
import dk.trialport.fhir.BundleProcessor;
import dk.trialport.fhir.TrialportFhir.TrialIdentifier;
import dk.trialport.identity.TrialTeams;
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
 * skipping those already there, so an interrupted start is completed by the next one. Each trial's team is
 * its lead site's department ({@link DemoTeams}), so the demo investigators have trials in the workspace.
 */
@Component
class DemoCatalogueSeeder {

    private static final Logger log = LoggerFactory.getLogger(DemoCatalogueSeeder.class);

    private final DemoProperties demo;
    private final BundleProcessor bundles;
    private final CatalogueStore store;
    private final TrialTeams teams;

    DemoCatalogueSeeder(DemoProperties demo, BundleProcessor bundles, CatalogueStore store, TrialTeams teams) {
        this.demo = demo;
        this.bundles = bundles;
        this.store = store;
        this.teams = teams;
    }

    @EventListener
    void seed(ApplicationReadyEvent event) {
        if (demo.enabled()) {
            seedAll()
                    .subscribeOn(Schedulers.boundedElastic())
                    .subscribe(
                            added -> log.info("Demo catalogue ready: {} trials added, {} in all", added, demo.trials()),
                            error -> log.error("Demo catalogue could not be filled", error));
        }
    }

    /** Adds the missing demo trials; emits how many were added. */
    Mono<Integer> seedAll() {
        var generator = new DemoTrialGenerator(demo.seed());
        int step = Math.max(1, demo.trials() / 10);
        return Flux.range(1, demo.trials())
                .map(number -> new Numbered(number, generator.trial(number)))
                .concatMap(trial -> seedOne(trial.bundle()).doOnNext(added -> {
                    if (trial.number() % step == 0) {
                        log.info("Demo catalogue: {}/{} trials", trial.number(), demo.trials());
                    }
                }))
                .reduce(0, Integer::sum);
    }

    /** Adds the trial unless it is there, and gives it to its team (its lead department); emits 1 when added. */
    private Mono<Integer> seedOne(Bundle bundle) {
        var team = DemoTeams.of(bundle);
        return existingId(bundle)
                .map(id -> new Seeded(id, 0))
                .switchIfEmpty(Mono.defer(() -> bundles.transaction(bundle, "demo")
                        .then(existingId(bundle))
                        .map(id -> new Seeded(id, 1))))
                .flatMap(seeded -> teams.saveOrganization(
                                new TrialTeams.Organization(team.organizationId(), team.name()))
                        .then(teams.claim(seeded.trialId(), team.organizationId()))
                        .thenReturn(seeded.added()));
    }

    private Mono<String> existingId(Bundle bundle) {
        var study = (ResearchStudy)
                bundle.getEntry().get(bundle.getEntry().size() - 1).getResource();
        var protocol = study.getIdentifier().stream()
                .filter(i -> TrialIdentifier.LOCAL_PROTOCOL.equals(i.getSystem()))
                .findFirst()
                .orElseThrow()
                .getValue();
        return store.idsByIdentifier("ResearchStudy", TrialIdentifier.LOCAL_PROTOCOL, protocol)
                .next();
    }

    private record Seeded(String trialId, int added) {}

    private record Numbered(int number, Bundle bundle) {}
}
