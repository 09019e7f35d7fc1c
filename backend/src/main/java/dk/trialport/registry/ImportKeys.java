package dk.trialport.registry;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Deterministic identifier values, fullUrls and conditional request URLs, so re-imports are idempotent. */
public final class ImportKeys {

    private ImportKeys() {}

    /** Lower-case letters and digits joined by hyphens; Danish æ ø å as ae oe aa, other accents dropped. */
    public static String slug(String text) {
        if (text == null) {
            return "";
        }
        var lower = text.toLowerCase(Locale.ROOT)
                .replace("æ", "ae")
                .replace("ø", "oe")
                .replace("å", "aa")
                .replace("ß", "ss");
        var plain = Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("^-|-$", "");
    }

    /** {@code country.city[.zip].facility}, each part a slug. */
    public static String facility(String facility, String city, String zip, String country) {
        return Stream.of(country, city, zip, facility)
                .map(ImportKeys::slug)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.joining("."));
    }

    /** A name-based UUID of the parts: stable, URL-safe, and it does not show what it was made from. */
    public static String hashed(String... parts) {
        var joined = Stream.of(parts).map(p -> Objects.toString(p, "")).collect(Collectors.joining("\u001f"));
        return UUID.nameUUIDFromBytes(joined.getBytes(StandardCharsets.UTF_8)).toString();
    }

    public static String fullUrl(String resourceType, String system, String value) {
        return "urn:uuid:" + hashed(resourceType, system, value);
    }

    /** {@code Type?identifier=system|value}, the value URL-encoded. */
    public static String conditionalUrl(String resourceType, String system, String value) {
        return resourceType + "?identifier=" + system + "|" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
