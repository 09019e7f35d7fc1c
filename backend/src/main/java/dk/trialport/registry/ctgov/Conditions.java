package dk.trialport.registry.ctgov;

import static dk.trialport.registry.ctgov.CtgovStudy.items;
import static dk.trialport.registry.ctgov.CtgovStudy.text;
import static dk.trialport.registry.ctgov.CtgovStudy.texts;

import com.fasterxml.jackson.databind.JsonNode;
import dk.trialport.fhir.TrialportFhir.CodeSystems;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;

/**
 * The trial's conditions: one concept per condition text, with the MeSH descriptor the registry
 * derived attached where its term names the same words; unmatched descriptors become concepts of their own.
 */
final class Conditions {

    private Conditions() {}

    static List<CodeableConcept> of(CtgovStudy study) {
        var byWords = new LinkedHashMap<Set<String>, CodeableConcept>();
        for (String condition : texts(study.module("conditionsModule"), "conditions")) {
            byWords.putIfAbsent(words(condition), new CodeableConcept().setText(condition));
        }
        var concepts = new ArrayList<>(byWords.values());
        for (JsonNode mesh : items(study.derived("conditionBrowseModule"), "meshes")) {
            var id = text(mesh, "id");
            var term = text(mesh, "term");
            if (id == null) {
                continue;
            }
            var coding = new Coding(CodeSystems.MESH, id, term);
            var match = term == null ? null : byWords.get(words(term));
            if (match != null) {
                match.addCoding(coding);
            } else if (concepts.stream().noneMatch(c -> c.hasCoding(CodeSystems.MESH, id))) {
                concepts.add(new CodeableConcept().addCoding(coding));
            }
        }
        return concepts;
    }

    /** The words of a term in any order, so "Diabetes Mellitus, Type 2" matches "Type 2 Diabetes Mellitus". */
    static Set<String> words(String term) {
        var words = new TreeSet<String>();
        for (String word : term.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }
}
