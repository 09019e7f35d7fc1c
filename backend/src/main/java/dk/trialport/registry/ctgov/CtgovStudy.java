package dk.trialport.registry.ctgov;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** One ClinicalTrials.gov API v2 study record, with null-safe access to its modules and fields. */
public record CtgovStudy(JsonNode json) {

    public String nctId() {
        return text(module("identificationModule"), "nctId");
    }

    /** A module of {@code protocolSection}; a missing node when absent. */
    public JsonNode module(String name) {
        return json.path("protocolSection").path(name);
    }

    /** A module of {@code derivedSection}; a missing node when absent. */
    public JsonNode derived(String name) {
        return json.path("derivedSection").path(name);
    }

    /** The stripped text of a scalar field, or null when absent or blank. */
    static String text(JsonNode node, String field) {
        var value = node.path(field);
        if (!value.isValueNode() || value.isNull() || value.asText().isBlank()) {
            return null;
        }
        return value.asText().strip();
    }

    /** The non-blank texts of an array of scalars. */
    static List<String> texts(JsonNode node, String field) {
        var texts = new ArrayList<String>();
        for (JsonNode item : items(node, field)) {
            if (item.isValueNode() && !item.asText().isBlank()) {
                texts.add(item.asText().strip());
            }
        }
        return texts;
    }

    /** The elements of an array field; empty when absent. */
    static Iterable<JsonNode> items(JsonNode node, String field) {
        var value = node.path(field);
        return value.isArray() ? value : List.of();
    }
}
