package dk.trialport.fhir;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;

/**
 * A Bundle's text with each entry held to Trialport's profile of its type: where an entry's resource does not declare
 * it, the profile is added to its {@code meta.profile} before the Bundle is validated, so the one validation of the
 * Bundle checks each entry against its profile, as a single write is ({@code ValidationOptions}). Only the JSON text
 * is rewritten, read with exact decimals and refusing duplicate keys; anything else (XML, a text Jackson will not
 * read as it is) is validated as sent, and its entries once more on their own ({@link ResourceIntake}).
 */
final class EntryProfiles {

    private static final ObjectMapper JSON = new ObjectMapper()
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private EntryProfiles() {}

    /** The text to validate: a JSON Bundle's text with its entries' profiles declared, else the text as sent. */
    static String declared(Resource resource, String text) {
        if (!(resource instanceof Bundle bundle) || !text.stripLeading().startsWith("{")) {
            return text;
        }
        try {
            var tree = JSON.readTree(text);
            boolean added = false;
            for (var entry : tree.path("entry")) {
                if (entry.get("resource") instanceof ObjectNode entryResource && declare(entryResource)) {
                    added = true;
                }
            }
            if (!added) {
                return text;
            }
            bundle.getEntry().stream()
                    .filter(Bundle.BundleEntryComponent::hasResource)
                    .forEach(entry -> entry.getResource().setUserData(ResourceIntake.PROFILE_CHECKED, Boolean.TRUE));
            return JSON.writeValueAsString(tree);
        } catch (JsonProcessingException | RuntimeException e) {
            return text;
        }
    }

    private static boolean declare(ObjectNode resource) {
        var profile =
                TrialportProfile.PROFILE_OF.get(resource.path("resourceType").asText());
        if (profile == null) {
            return false;
        }
        if (resource.has("meta") && !resource.get("meta").isObject()) {
            return false;
        }
        var meta = resource.has("meta") ? (ObjectNode) resource.get("meta") : resource.putObject("meta");
        if (!meta.has("profile")) {
            meta.putArray("profile");
        }
        if (!meta.get("profile").isArray()) {
            return false;
        }
        for (var declared : meta.get("profile")) {
            if (profile.equals(declared.asText())) {
                return false;
            }
        }
        ((ArrayNode) meta.get("profile")).add(profile);
        return true;
    }
}
