package dk.trialport.catalogue;

import java.util.function.BiPredicate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Whether two stored bodies say the same thing apart from the version and time the store set, so
 * that sending an unchanged resource again makes no new version.
 */
@Component
class SameContent implements BiPredicate<String, String> {

    private final JsonMapper json;

    SameContent(JsonMapper json) {
        this.json = json;
    }

    @Override
    public boolean test(String stored, String sent) {
        if (stored == null || sent == null) {
            return false;
        }
        return withoutMeta(json.readTree(stored)).equals(withoutMeta(json.readTree(sent)));
    }

    /** Drops what the store itself sets: meta.versionId and meta.lastUpdated (and meta, if then empty). */
    private static JsonNode withoutMeta(JsonNode node) {
        if (node instanceof ObjectNode object && object.get("meta") instanceof ObjectNode meta) {
            meta.remove("versionId");
            meta.remove("lastUpdated");
            if (meta.isEmpty()) {
                object.remove("meta");
            }
        }
        return node;
    }
}
