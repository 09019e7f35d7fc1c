package dk.trialport.catalogue;

import java.util.Locale;
import java.util.Objects;
import reactor.core.publisher.Mono;

/** A trial's name as pages show it: the lay title in the page's language, else the title, else the id. */
public final class TrialTitles {

    private TrialTitles() {}

    public static Mono<String> of(TrialProjectionStore trials, String id, Locale locale) {
        return trials.find(id).map(trial -> of(trial, locale)).defaultIfEmpty(id);
    }

    public static String of(Trial trial, Locale locale) {
        var lay = "en".equals(locale.getLanguage()) ? trial.layTitleEn() : trial.layTitleDa();
        return Objects.requireNonNullElse(lay, Objects.requireNonNullElse(trial.title(), trial.id()));
    }
}
