package dk.trialport.search;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.SuggestMode;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import dk.trialport.search.vocabulary.ConditionConcept;
import dk.trialport.search.vocabulary.ConditionVocabulary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What to offer when a search finds nothing, in this order and each only where it finds something: a spelling
 * correction from the words in the index, the broader condition, a wider distance, trials that no longer recruit,
 * and registering interest in future trials of the condition's area (always, when the text names a condition).
 */
@Service
public class SearchAlternatives {

    /** Radii a wider search tries, in km, the first wider than the current one that finds trials. */
    static final List<Integer> WIDER_KM = List.of(100, 200, 400);

    private static final String SPELLING = "spelling";

    private final ElasticsearchAsyncClient client;
    private final SearchProperties properties;
    private final TrialSearch search;
    private final ConditionVocabulary vocabulary;

    SearchAlternatives(
            ElasticsearchAsyncClient client,
            SearchProperties properties,
            TrialSearch search,
            ConditionVocabulary vocabulary) {
        this.client = client;
        this.properties = properties;
        this.search = search;
        this.vocabulary = vocabulary;
    }

    /** The kinds of alternative, in the order they are offered. */
    public enum Kind {
        SPELLING,
        BROADER,
        WIDER,
        CLOSED,
        INTEREST
    }

    /**
     * One alternative: what it changes and how many trials it finds (null for INTEREST).
     *
     * @param q SPELLING, BROADER: the free text to search instead
     * @param label SPELLING: the corrected words; BROADER, INTEREST: the condition's name in the reader's language
     * @param distanceKm WIDER: the radius
     * @param area INTEREST: the condition to fill in on the interest profile
     */
    public record Alternative(Kind kind, String q, String label, Integer distanceKm, String area, Long total) {}

    /** The alternatives for a query (as understood) that found nothing. */
    public Mono<List<Alternative>> alternatives(TrialQuery query) {
        var candidates = Flux.concat(spelling(query), broader(query), wider(query), closed(query))
                .concatWith(Mono.justOrEmpty(interest(query)));
        return candidates.collectList();
    }

    private Mono<Alternative> spelling(TrialQuery query) {
        if (query.text() == null) {
            return Mono.empty();
        }
        var request = SearchRequest.of(s -> s.index(properties.alias())
                .size(0)
                .suggest(g -> g.text(query.text())
                        .suggesters(
                                SPELLING,
                                f -> f.term(t -> t.field("conditionTerms")
                                        .suggestMode(SuggestMode.Missing)
                                        .prefixLength(0)
                                        .minWordLength(4)
                                        .size(1)))));
        return Mono.fromFuture(() -> client.search(request, Void.class)).flatMap(response -> {
            var words = new ArrayList<String>();
            boolean changed = false;
            for (var suggestion : response.suggest().getOrDefault(SPELLING, List.of())) {
                var term = suggestion.term();
                if (term.options().isEmpty()) {
                    words.add(term.text());
                } else {
                    words.add(term.options().getFirst().text());
                    changed = true;
                }
            }
            if (!changed) {
                return Mono.empty();
            }
            var corrected = String.join(" ", words);
            return found(Kind.SPELLING, query.withText(corrected), withFilterWords(corrected, query), corrected);
        });
    }

    private Mono<Alternative> broader(TrialQuery query) {
        if (query.text() == null) {
            return Mono.empty();
        }
        var reading = vocabulary.read(query.text());
        if (reading.mentions().isEmpty()) {
            return Mono.empty();
        }
        var mention = reading.mentions().getFirst();
        return Flux.fromIterable(firstParents(mention.conceptId()))
                .concatMap(parent -> {
                    var label = parent.label(query.locale());
                    var others = reading.otherText();
                    var text = others == null ? label : label + " " + others;
                    return found(Kind.BROADER, query.withText(text), withFilterWords(text, query), label);
                })
                .next();
    }

    /**
     * The broader concepts along each concept's first parent, below the areas: "Apopleksi" for "blodprop i hjernen",
     * never its second parent "blodprop", which would lead a stroke patient to heart-attack trials.
     */
    private List<ConditionConcept> firstParents(String id) {
        var parents = new ArrayList<ConditionConcept>();
        var concept = vocabulary.concept(id);
        while (concept.isPresent() && !concept.get().isArea()) {
            concept = vocabulary.concept(concept.get().parents().getFirst());
            concept.filter(parent -> !parent.isArea()).ifPresent(parents::add);
        }
        return parents;
    }

    private Mono<Alternative> wider(TrialQuery query) {
        if (query.near() == null) {
            return Mono.empty();
        }
        int current = query.distanceKm() != null ? query.distanceKm() : properties.defaultDistanceKm();
        return Flux.fromIterable(WIDER_KM)
                .filter(km -> km > current)
                .concatMap(km -> search.total(query.withDistance(km))
                        .filter(total -> total > 0)
                        .map(total -> new Alternative(Kind.WIDER, null, null, km, null, total)))
                .next();
    }

    private Mono<Alternative> closed(TrialQuery query) {
        if (!query.statuses().isEmpty()) {
            return Mono.empty();
        }
        return search.total(query.withAnyStatus())
                .filter(total -> total > 0)
                .map(total -> new Alternative(Kind.CLOSED, null, null, null, null, total));
    }

    /**
     * The condition's area as the interest profile offers it: an area or a concept of the project's own lists right
     * below one.
     */
    private Optional<Alternative> interest(TrialQuery query) {
        if (query.text() == null) {
            return Optional.empty();
        }
        return vocabulary.read(query.text()).mentions().stream()
                .findFirst()
                .flatMap(mention -> vocabulary.selfAndAncestors(mention.conceptId()).stream()
                        .map(vocabulary::concept)
                        .flatMap(Optional::stream)
                        .filter(concept -> vocabulary.isOwn(concept.id())
                                && (concept.isArea()
                                        || concept.parents().stream().anyMatch(this::isArea)))
                        .findFirst())
                .map(concept ->
                        new Alternative(Kind.INTEREST, null, label(concept, query.locale()), null, concept.id(), null));
    }

    private boolean isArea(String id) {
        return vocabulary.concept(id).map(ConditionConcept::isArea).orElse(false);
    }

    private static String label(ConditionConcept concept, Locale locale) {
        return concept.label(locale);
    }

    private Mono<Alternative> found(Kind kind, TrialQuery instead, String q, String label) {
        return search.total(instead)
                .filter(total -> total > 0)
                .map(total -> new Alternative(kind, q, label, null, null, total));
    }

    /** The new text with the words the understood filters were read from, so that they still apply. */
    private static String withFilterWords(String text, TrialQuery query) {
        if (query.understood() == null) {
            return text;
        }
        return Stream.concat(
                        Stream.of(text), query.understood().filters().stream().map(Understood.Filter::words))
                .filter(Objects::nonNull)
                .reduce((a, b) -> a + " " + b)
                .orElse(text);
    }
}
