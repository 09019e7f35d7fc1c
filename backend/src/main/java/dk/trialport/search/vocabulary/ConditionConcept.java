package dk.trialport.search.vocabulary;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** One concept of the condition vocabulary: its parents, Danish and English names (label first) and codes. */
public record ConditionConcept(
        String id,
        List<String> parents,
        List<String> danishNames,
        List<String> englishNames,
        List<String> icd10Prefixes,
        List<String> meshIds,
        List<String> snomedCodes) {

    public ConditionConcept {
        parents = List.copyOf(parents);
        danishNames = List.copyOf(danishNames);
        englishNames = List.copyOf(englishNames);
        icd10Prefixes = List.copyOf(icd10Prefixes);
        meshIds = List.copyOf(meshIds);
        snomedCodes = List.copyOf(snomedCodes);
    }

    /** A top-level concept: a condition area of the search facet. */
    public boolean isArea() {
        return parents.isEmpty();
    }

    /**
     * The Danish label, or the English one when the locale's language is English; a concept of the national
     * terminology may have names in one language only (MeSH: English), or none left (each name belongs to one
     * concept), and then has the other language's label, or its id.
     */
    public String label(Locale locale) {
        var english = locale != null && "en".equals(locale.getLanguage());
        var first = english ? englishNames : danishNames;
        var second = english ? danishNames : englishNames;
        return !first.isEmpty() ? first.getFirst() : !second.isEmpty() ? second.getFirst() : id;
    }

    /** Every name, Danish first. */
    public List<String> names() {
        return Stream.concat(danishNames.stream(), englishNames.stream()).toList();
    }
}
