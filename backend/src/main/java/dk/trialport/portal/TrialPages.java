package dk.trialport.portal;

import dk.trialport.catalogue.PublicTrials;
import dk.trialport.catalogue.TrialDetails;
import dk.trialport.fhir.TrialDetailsReader;
import dk.trialport.search.vocabulary.ConditionVocabulary;
import dk.trialport.search.vocabulary.Place;
import dk.trialport.search.vocabulary.PostalCodes;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A public trial as its page shows it ({@link TrialView}), for other pages that show a trial the same way (the
 * clinician app's view for health professionals).
 */
@Component
public class TrialPages {

    private final PublicTrials trials;
    private final TrialDetailsReader details;
    private final PostalCodes postalCodes;
    private final MessageSource messages;
    private final ConditionVocabulary vocabulary;

    TrialPages(
            PublicTrials trials,
            TrialDetailsReader details,
            PostalCodes postalCodes,
            MessageSource messages,
            ConditionVocabulary vocabulary) {
        this.trials = trials;
        this.details = details;
        this.postalCodes = postalCodes;
        this.messages = messages;
        this.vocabulary = vocabulary;
    }

    /**
     * The public trial in the reader's language, its sites' distances from the postal code (when given and known);
     * empty for a draft or a trial that does not exist.
     */
    public Mono<TrialView> view(String id, String postalCode, Locale locale) {
        var texts = new Texts(messages, locale);
        var from = postalCode == null
                ? null
                : postalCodes.find(postalCode).map(Place::point).orElse(null);
        return trials.find(id)
                .flatMap(trial -> details.read(id)
                        .defaultIfEmpty(new TrialDetails(id, null, false, null, List.of(), List.of()))
                        .map(found -> TrialViews.view(trial, found, from, texts, vocabulary)));
    }
}
