package dk.trialport.search;

import co.elastic.clients.elasticsearch._types.FieldValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * Opaque cursors for deep paging: the sort values of a page's last hit and the order they belong to,
 * as base64url JSON. Paging with them (search_after) has no depth limit and no gaps.
 */
final class SearchCursors {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> SORTS =
            Arrays.stream(TrialQuery.Sort.values()).map(Enum::name).collect(Collectors.toSet());

    private SearchCursors() {}

    static String encode(TrialQuery.Sort sort, List<FieldValue> values) {
        ArrayNode array = JSON.createArrayNode();
        array.add(sort.name());
        for (var value : values) {
            switch (value._kind()) {
                case Long -> array.add(value.longValue());
                case Double -> array.add(value.doubleValue());
                case Boolean -> array.add(value.booleanValue());
                case Null -> array.addNull();
                default -> array.add(value._toJsonString());
            }
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(array));
    }

    /** The sort values after which the next page starts; refuses a cursor made for another order. */
    static List<FieldValue> decode(String cursor, TrialQuery.Sort sort) {
        JsonNode array;
        try {
            array = JSON.readTree(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | JacksonException e) {
            throw new InvalidSearch("cursor", "The cursor is not one this service gave out");
        }
        if (!array.isArray()
                || array.isEmpty()
                || !array.get(0).isString()
                || !SORTS.contains(array.get(0).asString())) {
            throw new InvalidSearch("cursor", "The cursor is not one this service gave out");
        }
        if (!sort.name().equals(array.get(0).asString())) {
            throw new InvalidSearch(
                    "cursor", "The cursor belongs to another sort order; start again from the first page");
        }
        var values = new ArrayList<FieldValue>();
        for (int i = 1; i < array.size(); i++) {
            var node = array.get(i);
            if (node.isIntegralNumber()) {
                values.add(FieldValue.of(node.asLong()));
            } else if (node.isNumber()) {
                values.add(FieldValue.of(node.asDouble()));
            } else if (node.isBoolean()) {
                values.add(FieldValue.of(node.asBoolean()));
            } else if (node.isNull()) {
                values.add(FieldValue.NULL);
            } else {
                values.add(FieldValue.of(node.asString()));
            }
        }
        return values;
    }
}
