package dk.trialport.search.vocabulary;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Finds the concept of a code: ICD-10 and SKS by longest prefix, MeSH and SNOMED CT exactly. */
final class CodeMatcher {

    private static final Pattern SKS_DIAGNOSIS = Pattern.compile("D[A-Z][0-9].*");
    private static final Pattern MESH_UID = Pattern.compile("D0*([0-9]+)");

    private final Map<String, String> icd10 = new HashMap<>();
    private final Map<String, String> mesh = new HashMap<>();
    private final Map<String, String> snomed = new HashMap<>();

    CodeMatcher(Iterable<ConditionConcept> concepts) {
        for (var concept : concepts) {
            concept.icd10Prefixes().forEach(prefix -> icd10.put(icd10Key(prefix), concept.id()));
            concept.meshIds().forEach(uid -> mesh.put(meshKey(uid), concept.id()));
            concept.snomedCodes().forEach(code -> snomed.put(code, concept.id()));
        }
    }

    Optional<String> conceptId(Code code) {
        if (code == null || code.system() == null || code.code() == null) {
            return Optional.empty();
        }
        var value = code.code().strip();
        return switch (code.system()) {
            case Code.ICD10 -> longestPrefix(icd10Key(value));
            case Code.SKS -> longestPrefix(icd10Key(sksToIcd10(value)));
            case Code.MESH -> Optional.ofNullable(mesh.get(meshKey(value)));
            case Code.SNOMED -> Optional.ofNullable(snomed.get(value));
            default -> Optional.empty();
        };
    }

    /** The key a code or prefix is kept under: upper case, no dot, so {@code C34.1} and {@code C341} are one. */
    static String icd10Key(String code) {
        return code.toUpperCase(Locale.ROOT).replace(".", "").strip();
    }

    /** MeSH UIDs come as {@code D002289} and as {@code D000002289}; both are one key. */
    static String meshKey(String uid) {
        var matcher = MESH_UID.matcher(uid.toUpperCase(Locale.ROOT));
        return matcher.matches() ? "D" + matcher.group(1) : uid;
    }

    /** An SKS diagnosis code is "D" and the ICD-10 code without its dot: {@code DC341} is {@code C34.1}. */
    static String sksToIcd10(String code) {
        var upper = code.toUpperCase(Locale.ROOT);
        return SKS_DIAGNOSIS.matcher(upper).matches() ? upper.substring(1) : upper;
    }

    private Optional<String> longestPrefix(String code) {
        for (int length = code.length(); length > 0; length--) {
            var id = icd10.get(code.substring(0, length));
            if (id != null) {
                return Optional.of(id);
            }
        }
        return Optional.empty();
    }
}
