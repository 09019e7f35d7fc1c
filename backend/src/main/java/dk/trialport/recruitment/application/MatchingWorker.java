package dk.trialport.recruitment.application;

import dk.trialport.catalogue.Outbox;
import dk.trialport.platform.PollingWorker;
import dk.trialport.recruitment.RecruitmentProperties;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Reads the catalogue's trial changes from its own outbox position and matches every changed trial against the
 * profiles, run by the {@link PollingWorker}; the position moves only after the trials were matched, so a failure
 * delays, never loses (matching again tells no one twice).
 */
@Component
class MatchingWorker implements PollingWorker.Consumer {

    static final String NAME = "profile-matcher";
    private static final List<String> TRIALS = List.of("ResearchStudy");
    private static final int BATCH = 100;
    private static final Duration LEASE = Duration.ofMinutes(5);

    private final Outbox outbox;
    private final MatchingProfiles matching;
    private final RecruitmentProperties properties;

    MatchingWorker(Outbox outbox, MatchingProfiles matching, RecruitmentProperties properties) {
        this.outbox = outbox;
        this.matching = matching;
        this.properties = properties;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public PollingWorker.Pace pace() {
        return new PollingWorker.Pace(properties.matchingPoll(), Duration.ofMillis(500), Duration.ofSeconds(30));
    }

    /** Matches the trials of the next changes; returns how many changes there were. */
    @Override
    public int runBatch() throws Exception {
        return outbox.handleNext(NAME, TRIALS, BATCH, LEASE, events -> {
            var trialIds = new LinkedHashSet<String>();
            events.forEach(event -> trialIds.add(event.resourceId()));
            for (var trialId : trialIds) {
                matching.match(trialId).block();
            }
        });
    }

    @Override
    public PollingWorker.Lag lag() {
        var lag = outbox.lag(NAME, TRIALS).block();
        return new PollingWorker.Lag(lag.events(), lag.age());
    }
}
