package dk.trialport.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.trialport.fhir.TrialportFhir.Extensions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The fields of a ResearchStudy (as JSON) that one registry supplies as a whole: a top-level element
 * with the extensions that belong to it (status with the recruitment status, sites with the count of
 * sites abroad and the site contacts, enrolment with the contained eligibility Group, …). Identifiers,
 * meta and the provenance extensions are no slot: they are merged on their own.
 */
final class StudySlots {

    /** Slots in the order the merged trial lists them; any other slot follows in alphabetical order. */
    static final List<String> ORDER = List.of(
            "title",
            "label",
            "label:acronym",
            "status",
            "phase",
            "category",
            "focus",
            "condition",
            "keyword",
            "location",
            "description",
            "period",
            "contact",
            "sponsor",
            "site",
            "enrollment",
            "arm");

    private static final Set<String> NOT_SLOTS =
            Set.of("resourceType", "id", "meta", "identifier", "extension", "text");
    private static final Map<String, String> EXTENSION_SLOTS = Map.of(
            Extensions.LABEL,
            "label",
            Extensions.RECRUITMENT_STATUS,
            "status",
            Extensions.PROGRESS_STATUS,
            "status",
            Extensions.DESCRIPTION_SUMMARY,
            "description",
            Extensions.SITES_OUTSIDE_DENMARK,
            "site",
            Extensions.ASSOCIATED_PARTY,
            "site",
            Extensions.RECRUITMENT,
            "enrollment");
    /** Extensions that are not fields of a registry record. */
    static final Set<String> OWN_EXTENSIONS = Set.of(SourceRecord.URL, RegistryImport.MISSING_UPSTREAM);

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private StudySlots() {}

    /** The study's slots, each with its parts: top-level elements and extensions, in the study's order. */
    static Map<String, Parts> of(JsonNode study) {
        var slots = new LinkedHashMap<String, Parts>();
        if (study == null) {
            return slots;
        }
        study.properties().forEach(field -> {
            if (!NOT_SLOTS.contains(field.getKey())) {
                slots.computeIfAbsent(slotOf(field.getKey()), k -> new Parts())
                        .elements
                        .put(field.getKey(), field.getValue());
            }
        });
        for (JsonNode extension : study.path("extension")) {
            var url = extension.path("url").asText();
            if (!OWN_EXTENSIONS.contains(url)) {
                slots.computeIfAbsent(slotOf(url, extension), k -> new Parts())
                        .extensions
                        .add(extension);
            }
        }
        return slots;
    }

    /** Slot names in the canonical order. */
    static List<String> ordered(Set<String> names) {
        var known = ORDER.stream().filter(names::contains).toList();
        var others = new TreeSet<>(names);
        known.forEach(others::remove);
        var ordered = new ArrayList<>(known);
        ordered.addAll(others);
        return ordered;
    }

    /** A label is its own slot per title type: {@code label} (plain language), {@code label:acronym}, …. */
    private static String slotOf(String url, JsonNode extension) {
        if (!Extensions.LABEL.equals(url)) {
            return EXTENSION_SLOTS.getOrDefault(url, url);
        }
        for (JsonNode part : extension.path("extension")) {
            if ("type".equals(part.path("url").asText())) {
                var code = part.path("valueCodeableConcept")
                        .path("coding")
                        .path(0)
                        .path("code")
                        .asText("");
                return code.isEmpty() || "plain-language".equals(code) ? "label" : "label:" + code;
            }
        }
        return "label";
    }

    private static String slotOf(String element) {
        return "contained".equals(element) ? "enrollment" : element;
    }

    /** The parts of one slot in one study. */
    static final class Parts {
        final Map<String, JsonNode> elements = new LinkedHashMap<>();
        final List<JsonNode> extensions = new ArrayList<>();

        /** Adds these parts to a study being built. */
        void into(ObjectNode study) {
            elements.forEach(study::set);
            if (!extensions.isEmpty()) {
                var array = study.has("extension") ? (ArrayNode) study.get("extension") : study.putArray("extension");
                extensions.forEach(array::add);
            }
        }

        static ObjectNode study() {
            return NODES.objectNode().put("resourceType", "ResearchStudy");
        }
    }
}
