package dk.trialport.catalogue;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The catalogue as everyone outside a trial's team sees it: a draft does not exist here. What the portal's trial
 * pages and interest forms read; the rules themselves are {@link Trial#isPublic()} and
 * {@link Trial#isOpenForInterest()}.
 */
@Component
public class PublicTrials {

    private final TrialProjectionStore trials;

    public PublicTrials(TrialProjectionStore trials) {
        this.trials = trials;
    }

    /** The trial when anyone may see it; empty for a draft or an unknown id. */
    public Mono<Trial> find(String id) {
        return trials.find(id).filter(Trial::isPublic);
    }
}
