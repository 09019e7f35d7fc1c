package dk.trialport.search;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.core.search.CompletionSuggestOption;
import dk.trialport.availability.Outages;
import dk.trialport.search.vocabulary.ConditionVocabulary;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Suggestions as a person types: conditions from the vocabulary and phrases from trials in the index. */
@Component
class TrialSuggestions {

    private static final int MAX = 8;

    private final ElasticsearchAsyncClient client;
    private final ConditionVocabulary vocabulary;
    private final SearchProperties properties;

    TrialSuggestions(ElasticsearchAsyncClient client, ConditionVocabulary vocabulary, SearchProperties properties) {
        this.client = client;
        this.vocabulary = vocabulary;
        this.properties = properties;
    }

    /** A condition to filter on, and phrases to search for. */
    record Suggestions(List<Condition> conditions, List<String> phrases) {}

    /** A condition concept: its id (the {@code condition} filter value) and its name in the reader's language. */
    record Condition(String id, String label) {}

    Mono<Suggestions> suggest(String text, Locale locale) {
        var prefix = text.strip();
        if (prefix.length() < 2) {
            return Mono.just(new Suggestions(List.of(), List.of()));
        }
        var conditions = vocabulary.suggest(prefix, MAX).stream()
                .map(concept -> new Condition(concept.id(), vocabulary.label(concept.id(), locale)))
                .toList();
        return Mono.fromFuture(() -> client.search(
                        s -> s.index(properties.alias())
                                .size(0)
                                .suggest(g -> g.suggesters(
                                                "exact",
                                                f -> f.prefix(prefix)
                                                        .completion(c -> c.field("suggest")
                                                                .size(MAX)
                                                                .skipDuplicates(true)))
                                        .suggesters(
                                                "fuzzy",
                                                f -> f.prefix(prefix)
                                                        .completion(c -> c.field("suggest")
                                                                .size(MAX)
                                                                .skipDuplicates(true)
                                                                .fuzzy(z -> z.fuzziness("AUTO")
                                                                        .minLength(4))))),
                        Void.class))
                .onErrorMap(Outages::ofSearchEngine)
                // Exact completions first, then those that allow a typo; each trial gives its best-matching phrase.
                .map(response -> java.util.stream.Stream.of("exact", "fuzzy")
                        .flatMap(name -> response.suggest().getOrDefault(name, List.of()).stream())
                        .flatMap(suggestion -> suggestion.completion().options().stream())
                        .map(CompletionSuggestOption::text)
                        .distinct()
                        .limit(MAX)
                        .toList())
                .map(phrases -> new Suggestions(conditions, phrases));
    }
}
