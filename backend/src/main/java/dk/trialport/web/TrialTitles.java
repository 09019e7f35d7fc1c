package dk.trialport.web;

import dk.trialport.catalogue.Trial;
import dk.trialport.catalogue.TrialProjectionStore;
import java.util.Locale;
import java.util.Objects;
import reactor.core.publisher.Mono;

/** A trial's name as the workspace shows it: the lay title in the page's language, else the title, else the id. */
final class TrialTitles {

  private TrialTitles() {}

  static Mono<String> of(TrialProjectionStore trials, String id, Locale locale) {
    return trials.find(id).map(trial -> of(trial, locale)).defaultIfEmpty(id);
  }

  static String of(Trial trial, Locale locale) {
    var lay = "en".equals(locale.getLanguage()) ? trial.layTitleEn() : trial.layTitleDa();
    return Objects.requireNonNullElse(lay, Objects.requireNonNullElse(trial.title(), trial.id()));
  }
}
