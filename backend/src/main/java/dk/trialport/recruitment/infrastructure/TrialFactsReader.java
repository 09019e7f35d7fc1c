package dk.trialport.recruitment.infrastructure;

import dk.trialport.catalogue.Site;
import dk.trialport.catalogue.SiteProjectionStore;
import dk.trialport.catalogue.Trial;
import dk.trialport.catalogue.TrialProjectionStore;
import dk.trialport.recruitment.model.Position;
import dk.trialport.recruitment.model.TrialFacts;
import dk.trialport.search.vocabulary.Code;
import dk.trialport.search.vocabulary.CodedCondition;
import dk.trialport.search.vocabulary.ConditionVocabulary;
import dk.trialport.search.vocabulary.PostalCodes;
import java.util.Set;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Reads a current trial as matching needs it: only one that is published and open (or soon open) for
 * recruitment; conditions expanded with the vocabulary as the search index does; site positions from the
 * site, or from its postal code when it gives none.
 */
@Component
public class TrialFactsReader {

    private final TrialProjectionStore trials;
    private final SiteProjectionStore sites;
    private final ConditionVocabulary vocabulary;
    private final PostalCodes postalCodes;

    TrialFactsReader(
            TrialProjectionStore trials,
            SiteProjectionStore sites,
            ConditionVocabulary vocabulary,
            PostalCodes postalCodes) {
        this.trials = trials;
        this.sites = sites;
        this.vocabulary = vocabulary;
        this.postalCodes = postalCodes;
    }

    /** The trial's facts when it is open for interest ({@link Trial#isOpenForInterest()}); empty otherwise. */
    public Mono<TrialFacts> recruiting(String trialId) {
        return trials.find(trialId).filter(Trial::isOpenForInterest).flatMap(this::facts);
    }

    /** The trial's facts whatever its status (a draft's too), for counting who would match it. */
    public Mono<TrialFacts> anyStatus(String trialId) {
        return trials.find(trialId).flatMap(this::facts);
    }

    private Mono<TrialFacts> facts(Trial trial) {
        return sites.find(trial.siteIds())
                .mapNotNull(this::position) // a site with neither a position nor a known postal code has none
                .collectList()
                .map(positions -> new TrialFacts(
                        trial.id(),
                        concepts(trial),
                        trial.minimumAgeYears(),
                        trial.maximumAgeYears(),
                        trial.sex(),
                        trial.healthyVolunteers(),
                        positions));
    }

    private Set<String> concepts(Trial trial) {
        return vocabulary
                .expand(trial.conditions().stream()
                        .map(c -> new CodedCondition(
                                c.text(),
                                c.codes().stream()
                                        .map(code -> new Code(code.system(), code.code()))
                                        .toList()))
                        .toList())
                .conceptIds();
    }

    private Position position(Site site) {
        if (site.hasPosition()) {
            return new Position(site.latitude(), site.longitude());
        }
        return postalCodes
                .find(site.postalCode())
                .map(place -> new Position(place.point().lat(), place.point().lon()))
                .orElse(null);
    }
}
