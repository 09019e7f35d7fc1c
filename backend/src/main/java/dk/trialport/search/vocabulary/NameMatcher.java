package dk.trialport.search.vocabulary;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Finds concept names in text as whole words, after folding; a word may carry a plural "s". Where names
 * overlap, the longest wins, so "non-small cell lung cancer" is not also read as "small cell lung cancer".
 */
final class NameMatcher {

    private record Name(String conceptId, List<String> words) {}

    private record Span(int start, int end, String conceptId) {

        boolean overlaps(Span other) {
            return start < other.end && other.start < end;
        }
    }

    private final Map<String, List<Name>> byFirstWord = new HashMap<>();

    NameMatcher(Iterable<ConditionConcept> concepts) {
        for (var concept : concepts) {
            for (var name : concept.names()) {
                var words = Folding.words(name);
                if (!words.isEmpty()) {
                    byFirstWord
                            .computeIfAbsent(words.getFirst(), w -> new ArrayList<>())
                            .add(new Name(concept.id(), words));
                }
            }
        }
    }

    /** The ids of the concepts named in the text, in the order they occur. */
    List<String> conceptIds(String text) {
        var ids = new LinkedHashSet<String>();
        chosen(Folding.words(text)).forEach(span -> ids.add(span.conceptId));
        return List.copyOf(ids);
    }

    /**
     * The text read as concept names and the words between them: each longest name found is one mention (its
     * parts are not read again), the other words stay as they are, folded.
     */
    ConditionReading read(String text) {
        var words = Folding.words(text);
        var mentions = new ArrayList<ConditionReading.Mention>();
        var rest = new ArrayList<String>();
        int next = 0;
        for (var span : chosen(words)) {
            rest.addAll(words.subList(next, span.start));
            mentions.add(new ConditionReading.Mention(
                    span.conceptId, String.join(" ", words.subList(span.start, span.end))));
            next = span.end;
        }
        rest.addAll(words.subList(next, words.size()));
        return new ConditionReading(mentions, rest);
    }

    /** The spans that name concepts, longest first where they overlap, in text order. */
    private List<Span> chosen(List<String> words) {
        var chosen = new ArrayList<Span>();
        candidates(words).stream()
                .sorted(Comparator.comparingInt((Span s) -> s.start - s.end).thenComparingInt(Span::start))
                .filter(span -> chosen.stream().noneMatch(span::overlaps))
                .forEach(chosen::add);
        chosen.sort(Comparator.comparingInt(Span::start));
        return chosen;
    }

    private List<Span> candidates(List<String> words) {
        var spans = new ArrayList<Span>();
        for (int i = 0; i < words.size(); i++) {
            for (var name : namesStartingWith(words.get(i))) {
                if (matchesAt(words, i, name.words())) {
                    spans.add(new Span(i, i + name.words().size(), name.conceptId()));
                }
            }
        }
        return spans;
    }

    private List<Name> namesStartingWith(String word) {
        var names = new ArrayList<>(byFirstWord.getOrDefault(word, List.of()));
        if (word.length() > 3 && word.endsWith("s")) {
            names.addAll(byFirstWord.getOrDefault(word.substring(0, word.length() - 1), List.of()));
        }
        return names;
    }

    private static boolean matchesAt(List<String> words, int start, List<String> nameWords) {
        if (start + nameWords.size() > words.size()) {
            return false;
        }
        for (int j = 0; j < nameWords.size(); j++) {
            if (!sameWord(words.get(start + j), nameWords.get(j))) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameWord(String word, String nameWord) {
        return word.equals(nameWord) || nameWord.length() >= 3 && word.equals(nameWord + "s");
    }
}
