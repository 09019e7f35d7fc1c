package dk.trialport.search.vocabulary;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SequencedSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The condition vocabulary: turns the conditions of a trial, and a patient's words, into concepts and areas. */
public final class ConditionVocabulary {

    static final String RESOURCE = "/search/conditions.tsv";
    static final String LAY_LIST = "/search/common-conditions.tsv";

    private static final Logger log = LoggerFactory.getLogger(ConditionVocabulary.class);

    private final Map<String, ConditionConcept> concepts = new LinkedHashMap<>();
    private final Map<String, SequencedSet<String>> selfAndAncestors = new LinkedHashMap<>();
    private final Map<String, List<String>> foldedNames = new LinkedHashMap<>();
    private final Set<String> nameWords = new java.util.HashSet<>();
    private final Set<String> ownIds;
    private final NameMatcher names;
    private final CodeMatcher codes;

    private ConditionVocabulary(List<ConditionConcept> concepts) {
        this(concepts, null);
    }

    /**
     * @param ownIds the concepts of the project's own lists, whose words alone keep a town name from being read as a
     *     place ("kræft i hals"); null for all
     */
    private ConditionVocabulary(List<ConditionConcept> concepts, Set<String> ownIds) {
        concepts.forEach(concept -> this.concepts.put(concept.id(), concept));
        this.ownIds = ownIds == null ? Set.copyOf(this.concepts.keySet()) : Set.copyOf(ownIds);
        concepts.forEach(concept -> selfAndAncestors.put(concept.id(), lineage(concept.id())));
        concepts.forEach(concept -> foldedNames.put(
                concept.id(), concept.names().stream().map(Folding::fold).toList()));
        foldedNames.forEach((id, list) -> {
            if (ownIds == null || ownIds.contains(id)) {
                list.forEach(name -> nameWords.addAll(Folding.words(name)));
            }
        });
        this.names = new NameMatcher(concepts);
        this.codes = new CodeMatcher(concepts);
    }

    /**
     * The project's own vocabulary: {@code search/conditions.tsv} (curated) and {@code search/common-conditions.tsv}
     * (the lay list) on the class path; fails with the line of a malformed row.
     */
    public static ConditionVocabulary load() {
        return load(Optional.empty());
    }

    /**
     * The project's own vocabulary merged with the national terminology in {@code terminology} (SKS diagnosis codes
     * and MeSH disease descriptors, see {@link NationalVocabulary}) when it holds them; the project's own alone
     * otherwise.
     */
    public static ConditionVocabulary load(Optional<Path> terminology) {
        long start = System.nanoTime();
        var curated = ConditionTsv.parse(resource(RESOURCE));
        var lay = CommonConditions.parse(resource(LAY_LIST));
        var built = NationalVocabulary.build(curated, lay, terminology);
        var vocabulary = new ConditionVocabulary(built.concepts(), built.ownIds());
        if (terminology.isPresent()) {
            log.info(
                    "Condition vocabulary: {} concepts ({} with Danish names; {} from SKS, {} from MeSH in {}) in {} ms",
                    built.concepts().size(),
                    built.concepts().stream()
                            .filter(c -> !c.danishNames().isEmpty())
                            .count(),
                    built.sksConcepts(),
                    built.meshConcepts(),
                    terminology.get(),
                    (System.nanoTime() - start) / 1_000_000);
        }
        return vocabulary;
    }

    private static Reader resource(String name) {
        var stream = ConditionVocabulary.class.getResourceAsStream(name);
        if (stream == null) {
            throw new IllegalStateException("Condition vocabulary " + name + " is not on the class path");
        }
        return new InputStreamReader(stream, StandardCharsets.UTF_8);
    }

    static ConditionVocabulary parse(Reader reader) {
        return new ConditionVocabulary(ConditionTsv.parse(reader));
    }

    /**
     * What the vocabulary is, in short: changes when a concept, name, parent or code does, so the index knows it
     * was built from another vocabulary.
     */
    public String fingerprint() {
        var digest = new java.util.zip.CRC32C();
        concepts.values().forEach(concept -> digest.update(concept.toString().getBytes(StandardCharsets.UTF_8)));
        return concepts.size() + "-" + Long.toHexString(digest.getValue());
    }

    /** The concepts the conditions match themselves (by code and by name), without their ancestors. */
    public Set<String> matched(List<CodedCondition> conditions) {
        var matched = new LinkedHashSet<String>();
        for (var condition : conditions) {
            condition.codes().forEach(code -> codes.conceptId(code).ifPresent(matched::add));
            matched.addAll(names.conceptIds(condition.text()));
        }
        return matched;
    }

    /** The concepts the conditions match (by code and by name), with all their ancestors, areas and names. */
    public Expansion expand(List<CodedCondition> conditions) {
        var matched = matched(conditions);
        var ids = new LinkedHashSet<String>();
        matched.forEach(id -> ids.addAll(selfAndAncestors.get(id)));
        var areas = ids.stream().filter(id -> concepts.get(id).isArea()).toList();
        var terms = ids.stream()
                .flatMap(id -> concepts.get(id).names().stream())
                .distinct()
                .toList();
        return new Expansion(ids, new LinkedHashSet<>(areas), terms);
    }

    public Optional<ConditionConcept> concept(String id) {
        return Optional.ofNullable(concepts.get(id));
    }

    /** The top-level concepts, the condition areas, in file order. */
    public List<ConditionConcept> areas() {
        return concepts.values().stream().filter(ConditionConcept::isArea).toList();
    }

    /** The concept's label in Danish, or English when the locale's language is English; the id when unknown. */
    public String label(String id, Locale locale) {
        return concept(id).map(concept -> concept.label(locale)).orElse(id);
    }

    /** The concept itself and all its ancestors, nearest first. */
    public List<String> selfAndAncestors(String id) {
        return List.copyOf(selfAndAncestors.getOrDefault(id, new LinkedHashSet<>()));
    }

    /**
     * For autocomplete: concepts with a name, or a word of a name, starting with the prefix; those whose name
     * starts with it first, then the more general, then the shorter name.
     */
    public List<ConditionConcept> suggest(String prefix, int max) {
        var folded = Folding.fold(prefix);
        if (folded.isEmpty() || max <= 0) {
            return List.of();
        }
        return concepts.values().stream()
                .filter(concept -> shortestMatchingName(concept, folded) < Integer.MAX_VALUE)
                .sorted(Comparator.comparing((ConditionConcept c) -> !anyNameStartsWith(c, folded))
                        .thenComparingInt(c -> selfAndAncestors.get(c.id()).size())
                        .thenComparingInt(c -> shortestMatchingName(c, folded)))
                .limit(max)
                .toList();
    }

    /** The concepts named in a free-text query, most specific reading, in query order. */
    public List<String> conceptIdsForQuery(String text) {
        return names.conceptIds(text);
    }

    /** Whether the folded words are one word of some concept's name ("hals", "tarm"). */
    public boolean isWordOfAName(List<String> foldedWords) {
        return foldedWords.size() == 1 && nameWords.contains(foldedWords.getFirst());
    }

    /** The text as the concepts it names (longest names first) and the words left over. */
    public ConditionReading read(String text) {
        return names.read(text);
    }

    /** The concept's broader concepts that are not condition areas, nearest first (e.g. stroke for ischaemic stroke). */
    public List<String> narrowAncestors(String id) {
        return selfAndAncestors(id).stream()
                .skip(1)
                .filter(ancestor -> !concepts.get(ancestor).isArea())
                .toList();
    }

    public Collection<ConditionConcept> concepts() {
        return List.copyOf(concepts.values());
    }

    /**
     * The concepts of the project's own lists (curated and lay list), without those of the national terminology: what
     * a person is offered to choose from (the interest profile), in file order.
     */
    public List<ConditionConcept> ownConcepts() {
        return concepts.values().stream().filter(c -> isOwn(c.id())).toList();
    }

    /** Whether the concept is one of the project's own lists (see {@link #ownConcepts()}). */
    public boolean isOwn(String id) {
        return ownIds.contains(id);
    }

    private boolean anyNameStartsWith(ConditionConcept concept, String foldedPrefix) {
        return foldedNames.get(concept.id()).stream().anyMatch(name -> name.startsWith(foldedPrefix));
    }

    private int shortestMatchingName(ConditionConcept concept, String foldedPrefix) {
        return foldedNames.get(concept.id()).stream()
                .filter(name -> name.startsWith(foldedPrefix) || name.contains(" " + foldedPrefix))
                .mapToInt(String::length)
                .min()
                .orElse(Integer.MAX_VALUE);
    }

    private SequencedSet<String> lineage(String id) {
        var lineage = new LinkedHashSet<String>();
        var next = new ArrayList<String>(List.of(id));
        while (!next.isEmpty()) {
            var current = next.removeFirst();
            if (lineage.add(current)) {
                next.addAll(Objects.requireNonNull(concepts.get(current)).parents());
            }
        }
        return lineage;
    }
}
