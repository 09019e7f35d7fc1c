package dk.trialport.demo;

import dk.trialport.platform.ProgressBar;
import dk.trialport.recruitment.RecruitmentProperties;
import dk.trialport.recruitment.application.LoadingProfiles;
import dk.trialport.recruitment.model.Consent;
import dk.trialport.recruitment.model.InterestProfile;
import dk.trialport.search.vocabulary.ConditionVocabulary;
import dk.trialport.search.vocabulary.PostalCodes;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Fills an empty volunteer registry with the demo people once the application is up, when
 * {@code trialport.demo.enabled}; also loads any number of generated people in bulk, with a progress bar.
 */
@Component
public class DemoVolunteerSeeder {

    private static final Logger log = LoggerFactory.getLogger(DemoVolunteerSeeder.class);
    private static final int BATCH = 10_000;

    private final DemoVolunteerProperties demo;
    private final LoadingProfiles profiles;
    private final ConditionVocabulary vocabulary;
    private final PostalCodes postalCodes;
    private final RecruitmentProperties recruitment;

    DemoVolunteerSeeder(
            DemoVolunteerProperties demo,
            LoadingProfiles profiles,
            ConditionVocabulary vocabulary,
            PostalCodes postalCodes,
            RecruitmentProperties recruitment) {
        this.demo = demo;
        this.profiles = profiles;
        this.vocabulary = vocabulary;
        this.postalCodes = postalCodes;
        this.recruitment = recruitment;
    }

    @EventListener
    void seed(ApplicationReadyEvent event) {
        if (demo.enabled()) {
            seedIfEmpty()
                    .subscribeOn(Schedulers.boundedElastic())
                    .subscribe(
                            added -> log.info("Demo volunteer registry ready: {} profiles added", added),
                            error -> log.error("Demo volunteer registry could not be filled", error));
        }
    }

    /** Adds the demo people when the registry has no profile at all; emits how many were added. */
    public Mono<Long> seedIfEmpty() {
        return profiles.count()
                .retryWhen(StartupRetry.onUnreachableDatabase("Demo volunteers"))
                .flatMap(existing ->
                        existing > 0 ? Mono.just(0L) : load(generator(demo.seed(), Instant.now()), demo.volunteers()));
    }

    /** The generator of this installation's vocabulary and places; every profile consented at {@code consentedAt}. */
    public DemoVolunteerGenerator generator(long seed, Instant consentedAt) {
        var consent = new Consent(recruitment.profileConsentVersion(), consentedAt.truncatedTo(ChronoUnit.SECONDS));
        return new DemoVolunteerGenerator(seed, vocabulary.ownConcepts(), postalCodes.places(), consent);
    }

    /** Writes the generator's next {@code count} people in batches; emits how many. */
    public Mono<Long> load(DemoVolunteerGenerator generator, int count) {
        var bar = new ProgressBar("Demo volunteers", count);
        return Flux.range(0, (count + BATCH - 1) / BATCH)
                .concatMap(batch -> Mono.defer(() -> {
                    var people = new LinkedHashMap<String, InterestProfile>();
                    for (int i = batch * BATCH; i < Math.min(count, (batch + 1) * BATCH); i++) {
                        var volunteer = generator.next();
                        people.put(volunteer.subject(), volunteer.profile());
                    }
                    return profiles.insert(people)
                            .retryWhen(StartupRetry.onUnreachableDatabase("Demo volunteers"))
                            .doOnNext(bar::advance);
                }))
                .reduce(0L, Long::sum);
    }
}
