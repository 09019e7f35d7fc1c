package dk.trialport.portal;

import dk.trialport.search.vocabulary.CodedCondition;
import dk.trialport.search.vocabulary.ConditionVocabulary;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * A trial's conditions as a page names them, in the page's language: the vocabulary's name of each condition it
 * knows (by code or by name), else the registry's own words, marked with their language when that is not the
 * page's (WCAG 3.1.2). The trial page and the result cards both name conditions this way.
 */
final class ConditionNames {

    private ConditionNames() {}

    static List<TrialView.Text> of(List<CodedCondition> conditions, ConditionVocabulary vocabulary, Texts texts) {
        var shown = new LinkedHashMap<String, TrialView.Text>();
        for (var condition : conditions) {
            if (condition.text().isEmpty() && condition.codes().isEmpty()) {
                continue;
            }
            if (condition.notClassified()) {
                var label = new TrialView.Text(texts.get("trial.condition.notClassified"), null);
                shown.putIfAbsent(label.value().toLowerCase(texts.locale()), label);
                continue;
            }
            var text = vocabulary.matched(List.of(condition)).stream()
                    .findFirst()
                    .map(id -> new TrialView.Text(vocabulary.label(id, texts.locale()), null))
                    .orElseGet(() -> new TrialView.Text(condition.text(), registryLanguage(condition.text(), texts)));
            if (text.value() != null && !text.value().isEmpty()) {
                shown.putIfAbsent(text.value().toLowerCase(texts.locale()), text);
            }
        }
        return List.copyOf(shown.values());
    }

    /** Condition names as the search index holds them (the registry's words, no codes). */
    static List<TrialView.Text> ofNames(List<String> names, ConditionVocabulary vocabulary, Texts texts) {
        return of(
                names == null
                        ? List.of()
                        : names.stream()
                                .map(name -> new CodedCondition(name, List.of()))
                                .toList(),
                vocabulary,
                texts);
    }

    /** A registry's words are English unless they are clearly Danish; null when that is the page's language. */
    private static String registryLanguage(String text, Texts texts) {
        var guessed = TextLanguage.of(text);
        var language = guessed == null ? "en" : guessed;
        return language.equals(texts.english() ? "en" : "da") ? null : language;
    }
}
