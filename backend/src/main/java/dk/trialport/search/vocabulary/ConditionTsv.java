package dk.trialport.search.vocabulary;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads {@code conditions.tsv}: tab-separated {@code id parents da_names en_names icd10_prefixes mesh_ids
 * snomed_codes}, lists separated by {@code |}, trailing empty columns optional, {@code #} lines comments. Fails on
 * the first malformed line with its number.
 */
final class ConditionTsv {

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern ICD10 = Pattern.compile("[A-Z][0-9]{0,2}(\\.?[0-9A-Z]{1,3})?");
    private static final Pattern MESH = Pattern.compile("D[0-9]{6,9}");
    private static final Pattern SNOMED = Pattern.compile("[0-9]{6,18}");

    private final Map<String, ConditionConcept> concepts = new LinkedHashMap<>();
    private final Map<String, Integer> lineOf = new HashMap<>();
    private final Set<String> codes = new HashSet<>();

    private ConditionTsv() {}

    /** The concepts in file order, checked: ids unique, parents known, no cycles, each code on one concept. */
    static List<ConditionConcept> parse(Reader reader) {
        var tsv = new ConditionTsv();
        tsv.read(reader);
        tsv.concepts.values().forEach(tsv::checkParents);
        tsv.concepts.keySet().forEach(id -> tsv.checkNoCycle(id, new HashSet<>()));
        return List.copyOf(tsv.concepts.values());
    }

    private void read(Reader reader) {
        try (var lines = new BufferedReader(reader)) {
            int number = 0;
            for (var line = lines.readLine(); line != null; line = lines.readLine()) {
                number++;
                if (!line.isBlank() && !line.startsWith("#")) {
                    add(concept(line, number), number);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the condition vocabulary", e);
        }
    }

    private ConditionConcept concept(String line, int number) {
        var raw = line.split("\t", -1);
        check(number, raw.length >= 4 && raw.length <= 7, "expected 4 to 7 tab-separated columns, found " + raw.length);
        var columns = Arrays.copyOf(raw, 7);
        var concept = new ConditionConcept(
                columns[0].strip(),
                list(columns[1]),
                list(columns[2]),
                list(columns[3]),
                list(columns[4]),
                list(columns[5]),
                list(columns[6]));
        check(number, ID.matcher(concept.id()).matches(), "bad id '" + concept.id() + "'");
        check(number, !concept.danishNames().isEmpty(), "no Danish name");
        check(number, !concept.englishNames().isEmpty(), "no English name");
        concept.parents().forEach(p -> check(number, ID.matcher(p).matches(), "bad parent id '" + p + "'"));
        concept.icd10Prefixes()
                .forEach(c -> check(number, ICD10.matcher(c).matches(), "bad ICD-10 prefix '" + c + "'"));
        concept.meshIds().forEach(c -> check(number, MESH.matcher(c).matches(), "bad MeSH UID '" + c + "'"));
        concept.snomedCodes()
                .forEach(c -> check(number, SNOMED.matcher(c).matches(), "bad SNOMED CT code '" + c + "'"));
        return concept;
    }

    private void add(ConditionConcept concept, int number) {
        check(number, !concepts.containsKey(concept.id()), "duplicate id '" + concept.id() + "'");
        concept.icd10Prefixes().forEach(c -> claim(number, "ICD-10 " + CodeMatcher.icd10Key(c)));
        concept.meshIds().forEach(c -> claim(number, "MeSH " + CodeMatcher.meshKey(c)));
        concept.snomedCodes().forEach(c -> claim(number, "SNOMED CT " + c));
        concepts.put(concept.id(), concept);
        lineOf.put(concept.id(), number);
    }

    private void claim(int number, String code) {
        check(number, codes.add(code), code + " is already on another concept");
    }

    private void checkParents(ConditionConcept concept) {
        for (var parent : concept.parents()) {
            check(lineOf.get(concept.id()), concepts.containsKey(parent), "unknown parent '" + parent + "'");
        }
    }

    private void checkNoCycle(String id, Set<String> path) {
        check(lineOf.get(id), path.add(id), "'" + id + "' is its own ancestor");
        concepts.get(id).parents().forEach(parent -> checkNoCycle(parent, path));
        path.remove(id);
    }

    private static List<String> list(String column) {
        if (column == null || column.isBlank()) {
            return List.of();
        }
        return Arrays.stream(column.split("\\|"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private static void check(int number, boolean ok, String problem) {
        if (!ok) {
            throw malformed(number, problem);
        }
    }

    private static IllegalStateException malformed(int number, String problem) {
        return new IllegalStateException("Condition vocabulary line " + number + ": " + problem);
    }
}
