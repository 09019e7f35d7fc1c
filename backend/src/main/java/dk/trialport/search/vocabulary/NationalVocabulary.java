package dk.trialport.search.vocabulary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Builds the condition vocabulary at national breadth from, in order of precedence: the curated concepts
 * ({@code conditions.tsv}), the project's lay list ({@code common-conditions.tsv}), the Danish SKS diagnosis codes
 * ({@code sks-codes.tsv}) and the MeSH disease descriptors ({@code mesh-disease-descriptors.tsv}). The last two are
 * read when a terminology directory holding them is given.
 *
 * <ul>
 *   <li>Every concept hangs below a curated one (by the longest curated ICD-10 prefix of its code, or its MeSH tree),
 *       so the condition areas stay the curated ones; a code no curated concept covers is left out.
 *   <li>SKS: the categories ({@code DI63}) and named subcategories ({@code DI634}; not "UNS", "Anden", "Andre") of
 *       chapters A–Q, S and T. A category a curated concept has as its code joins that concept.
 *   <li>A name belongs to one concept: the first source that uses it keeps it (curated, lay list, SKS, MeSH).
 *   <li>MeSH joins a concept only where that is safe: the curated concept that lists the descriptor, or the one concept
 *       whose English name (curated or lay list) is the descriptor's name, in the same condition area. Otherwise a
 *       descriptor is a concept of its own (English name only) below its nearest placed broader descriptor. The
 *       descriptors of "Pathological Conditions, Signs and Symptoms" (C23) are left out: their names ("Disease",
 *       "Syndrome", "Recurrence") are words, not conditions.
 * </ul>
 */
final class NationalVocabulary {

    static final String SKS_FILE = "sks-codes.tsv";
    static final String MESH_FILE = "mesh-disease-descriptors.tsv";

    private static final Pattern SKS_DIAGNOSIS = Pattern.compile("D([A-Q]|[ST])([0-9]{2})([0-9A-Z]?)");
    private static final Pattern UNSPECIFIED = Pattern.compile("(?i)(^(anden|andet|andre) .*| uns$|^uns .*)");
    private static final Pattern TRAILING_UNS = Pattern.compile("(?i)\\s+UNS$");

    /** A concept being built: mutable lists, in the order names and codes came. */
    private static final class Draft {
        final String id;
        final List<String> parents;
        final LinkedHashSet<String> danish = new LinkedHashSet<>();
        final LinkedHashSet<String> english = new LinkedHashSet<>();
        final LinkedHashSet<String> icd10 = new LinkedHashSet<>();
        final LinkedHashSet<String> mesh = new LinkedHashSet<>();
        final List<String> snomed;

        Draft(String id, List<String> parents, List<String> snomed) {
            this.id = id;
            this.parents = List.copyOf(parents);
            this.snomed = List.copyOf(snomed);
        }

        ConditionConcept concept() {
            return new ConditionConcept(
                    id,
                    parents,
                    List.copyOf(danish),
                    List.copyOf(english),
                    List.copyOf(icd10),
                    List.copyOf(mesh),
                    snomed);
        }
    }

    /** A MeSH descriptor: its UID, name, broader descriptors (keys), tree roots and depth. */
    private record Descriptor(String uid, String name, Set<String> parents, Set<String> roots, int level) {}

    private final Map<String, Draft> drafts = new LinkedHashMap<>();
    private final Map<String, String> nameOwner = new HashMap<>();
    private final Map<String, Draft> byCode = new HashMap<>();
    private final Map<String, String> curatedByCode = new HashMap<>();
    private final Map<String, String> curatedByMesh = new HashMap<>();
    private final Map<String, List<String>> ancestors = new HashMap<>();

    private NationalVocabulary() {}

    /** What was built: the concepts, and the ids of the project's own (curated and lay list) ones. */
    record Built(List<ConditionConcept> concepts, Set<String> ownIds, int sksConcepts, int meshConcepts) {}

    static Built build(List<ConditionConcept> curated, List<CommonConditions.Row> lay, Optional<Path> terminology) {
        var vocabulary = new NationalVocabulary();
        curated.forEach(vocabulary::addCurated);
        curated.forEach(concept -> vocabulary.addLineage(concept.id()));
        lay.forEach(vocabulary::addLay);
        var own = Set.copyOf(vocabulary.drafts.keySet());
        int sks = 0;
        int mesh = 0;
        if (terminology.isPresent() && Files.isRegularFile(terminology.get().resolve(SKS_FILE))) {
            sks = vocabulary.addSks(terminology.get().resolve(SKS_FILE));
        }
        if (terminology.isPresent() && Files.isRegularFile(terminology.get().resolve(MESH_FILE))) {
            mesh = vocabulary.addMesh(terminology.get().resolve(MESH_FILE));
        }
        var concepts = vocabulary.drafts.values().stream().map(Draft::concept).toList();
        return new Built(concepts, own, sks, mesh);
    }

    private void addCurated(ConditionConcept concept) {
        var draft = new Draft(concept.id(), concept.parents(), concept.snomedCodes());
        drafts.put(concept.id(), draft);
        concept.danishNames().forEach(name -> claim(draft, draft.danish, name));
        concept.englishNames().forEach(name -> claim(draft, draft.english, name));
        draft.icd10.addAll(concept.icd10Prefixes());
        draft.mesh.addAll(concept.meshIds());
        concept.icd10Prefixes().forEach(code -> {
            curatedByCode.put(CodeMatcher.icd10Key(code), concept.id());
            byCode.put(CodeMatcher.icd10Key(code), draft);
        });
        concept.meshIds().forEach(uid -> curatedByMesh.put(CodeMatcher.meshKey(uid), concept.id()));
    }

    /** The concept and its ancestors, once every curated concept is there. */
    private void addLineage(String id) {
        var lineage = new ArrayList<String>(List.of(id));
        for (int i = 0; i < lineage.size(); i++) {
            drafts.get(lineage.get(i)).parents.stream()
                    .filter(parent -> !lineage.contains(parent))
                    .forEach(lineage::add);
        }
        ancestors.put(id, lineage);
    }

    private void addLay(CommonConditions.Row row) {
        if (!byCode.containsKey(CodeMatcher.icd10Key(row.icd10()))
                && (row.danishNames().stream().noneMatch(this::free)
                        || row.englishNames().stream().noneMatch(this::free))) {
            // its words already lead to a broader concept of the curated list: no concept of its own
            return;
        }
        var draft = conceptOfCode(row.icd10());
        if (draft == null) {
            return;
        }
        // The lay list's Danish words come before any SKS text of the same concept: its first word is the label.
        row.danishNames().forEach(name -> claim(draft, draft.danish, name));
        row.englishNames().forEach(name -> claim(draft, draft.english, name));
    }

    /** The concept whose code this is, made below the concept of its longest prefix when there is none yet. */
    private Draft conceptOfCode(String icd10) {
        var key = CodeMatcher.icd10Key(icd10);
        var existing = byCode.get(key);
        if (existing != null) {
            return existing;
        }
        var parent = longestPrefix(key);
        if (parent == null) {
            return null;
        }
        var draft = new Draft("icd-" + key.toLowerCase(Locale.ROOT), List.of(parent.id), List.of());
        draft.icd10.add(key.length() > 3 ? key.substring(0, 3) + "." + key.substring(3) : key);
        drafts.put(draft.id, draft);
        byCode.put(key, draft);
        var lineage = new ArrayList<String>(List.of(draft.id));
        lineage.addAll(ancestors.get(parent.id));
        ancestors.put(draft.id, lineage);
        return draft;
    }

    private Draft longestPrefix(String key) {
        for (int length = key.length() - 1; length > 0; length--) {
            var draft = byCode.get(key.substring(0, length));
            if (draft != null) {
                return draft;
            }
        }
        return null;
    }

    private int addSks(Path file) {
        int before = drafts.size();
        var categories = new ArrayList<String[]>();
        var subcategories = new ArrayList<String[]>();
        for (var line : lines(file)) {
            var columns = line.split("\t", -1);
            if (columns.length < 2) {
                continue;
            }
            var matcher = SKS_DIAGNOSIS.matcher(columns[0].strip());
            if (!matcher.matches()) {
                continue;
            }
            var code = matcher.group(1) + matcher.group(2) + matcher.group(3);
            var text = columns[1].strip();
            if (matcher.group(3).isEmpty()) {
                categories.add(new String[] {code, text});
            } else if (!UNSPECIFIED.matcher(text).matches()) {
                subcategories.add(new String[] {code, text});
            }
        }
        categories.forEach(this::addSksCode);
        subcategories.forEach(this::addSksCode);
        return drafts.size() - before;
    }

    private void addSksCode(String[] codeAndText) {
        var draft = conceptOfCode(codeAndText[0]);
        if (draft == null) {
            return;
        }
        var name = DanishLetters.restore(TRAILING_UNS.matcher(codeAndText[1]).replaceAll(""));
        claim(draft, draft.danish, name);
    }

    private int addMesh(Path file) {
        // Columns: MESH_ID MESH_NAME PARENT_MESH_ID PARENT_MESH_CATEGORY ROOT_MESH_CATEGORY LEVEL, a row per parent.
        var descriptors = new LinkedHashMap<String, Descriptor>();
        for (var line : lines(file)) {
            var columns = line.split("\t", -1);
            if (columns.length < 6 || !columns[0].matches("D[0-9]+")) {
                continue;
            }
            var uid = columns[0].strip();
            int level = columns[5].strip().matches("[0-9]+") ? Integer.parseInt(columns[5].strip()) : 99;
            var descriptor = descriptors.computeIfAbsent(
                    CodeMatcher.meshKey(uid),
                    key -> new Descriptor(
                            uid, columns[1].strip(), new LinkedHashSet<>(), new LinkedHashSet<>(), level));
            if (!columns[2].isBlank()) {
                descriptor.parents().add(CodeMatcher.meshKey(columns[2].strip()));
            }
            descriptor.roots().add(columns[4].strip());
        }
        var placed = new HashMap<String, String>();
        descriptors.keySet().forEach(key -> {
            var curated = curatedByMesh.get(key);
            if (curated != null) {
                placed.put(key, curated);
            }
        });
        int before = drafts.size();
        var ordered = descriptors.values().stream()
                .filter(d -> d.roots().stream().anyMatch(root -> !root.startsWith("C23")))
                .sorted(Comparator.comparingInt(Descriptor::level).thenComparing(Descriptor::uid))
                .toList();
        for (var descriptor : ordered) {
            var key = CodeMatcher.meshKey(descriptor.uid());
            var existing = placed.get(key);
            if (existing != null) {
                var draft = drafts.get(existing);
                claim(draft, draft.english, descriptor.name());
                continue;
            }
            var parents = new LinkedHashSet<String>();
            for (var parent : descriptor.parents()) {
                nearestPlaced(parent, descriptors, placed, new java.util.HashSet<>())
                        .ifPresent(parents::add);
            }
            if (parents.isEmpty()) {
                continue;
            }
            var sameName = nameOwner.get(Folding.fold(descriptor.name()));
            if (sameName != null) {
                if (sameArea(sameName, parents)) {
                    drafts.get(sameName).mesh.add(descriptor.uid());
                    placed.put(key, sameName);
                }
                continue;
            }
            var draft = new Draft("mesh-" + descriptor.uid().toLowerCase(Locale.ROOT), List.copyOf(parents), List.of());
            drafts.put(draft.id, draft);
            claim(draft, draft.english, descriptor.name());
            draft.mesh.add(descriptor.uid());
            var lineage = new ArrayList<String>(List.of(draft.id));
            parents.forEach(p ->
                    ancestors.get(p).stream().filter(a -> !lineage.contains(a)).forEach(lineage::add));
            ancestors.put(draft.id, lineage);
            placed.put(key, draft.id);
        }
        return drafts.size() - before;
    }

    /** The concept of the descriptor or of its nearest broader descriptor that has one. */
    private static Optional<String> nearestPlaced(
            String key, Map<String, Descriptor> descriptors, Map<String, String> placed, Set<String> seen) {
        if (!seen.add(key)) {
            return Optional.empty();
        }
        var concept = placed.get(key);
        if (concept != null) {
            return Optional.of(concept);
        }
        var descriptor = descriptors.get(key);
        if (descriptor == null) {
            return Optional.empty();
        }
        for (var parent : descriptor.parents()) {
            var found = nearestPlaced(parent, descriptors, placed, seen);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** Whether a concept lies in a condition area of (one of) the given parents. */
    private boolean sameArea(String id, Set<String> parents) {
        var areas = areas(id);
        return parents.stream().anyMatch(parent -> areas(parent).stream().anyMatch(areas::contains));
    }

    private List<String> areas(String id) {
        return ancestors.get(id).stream()
                .filter(ancestor -> drafts.get(ancestor).parents.isEmpty())
                .toList();
    }

    private boolean free(String name) {
        return !nameOwner.containsKey(Folding.fold(name));
    }

    /** Adds the name to the concept unless another concept has it already (the first source keeps a name). */
    private void claim(Draft draft, Set<String> names, String name) {
        var folded = Folding.fold(name);
        if (folded.isEmpty()) {
            return;
        }
        var owner = nameOwner.putIfAbsent(folded, draft.id);
        if (owner == null || owner.equals(draft.id)) {
            names.add(name);
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
