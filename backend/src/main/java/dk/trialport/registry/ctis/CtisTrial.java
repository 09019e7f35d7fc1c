package dk.trialport.registry.ctis;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** One CTIS trial record, with null-safe access to its fields. */
public record CtisTrial(JsonNode json) {

    /** The EU CT number, e.g. {@code 2023-501234-12-00}; null when absent. */
    public String ctNumber() {
        return text(json, "ctNumber");
    }

    JsonNode path(String field) {
        return json.path(field);
    }

    String text(String field) {
        return text(json, field);
    }

    /** The stripped text of a scalar field, or null when absent or blank. */
    static String text(JsonNode node, String field) {
        var value = node.path(field);
        if (!value.isValueNode() || value.isNull() || value.asText().isBlank()) {
            return null;
        }
        return value.asText().strip();
    }

    /** The non-blank texts of an array of scalars; a single scalar counts as a list of one. */
    static List<String> texts(JsonNode node, String field) {
        var value = node.path(field);
        var texts = new ArrayList<String>();
        for (JsonNode item : value.isArray() ? value : List.of(value)) {
            if (item.isValueNode() && !item.isNull() && !item.asText().isBlank()) {
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
