package dk.trialport.registry;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** ISO 3166-1 alpha-2 codes for the English country names ClinicalTrials.gov uses. */
public final class CountryCodes {

    private static final Map<String, String> CODES = codes();

    private CountryCodes() {}

    /** The ISO code, or null when the name is not recognised. */
    public static String iso(String name) {
        return name == null ? null : CODES.get(normalise(name));
    }

    private static Map<String, String> codes() {
        var codes = new HashMap<String, String>();
        for (String code : Locale.getISOCountries()) {
            codes.put(normalise(Locale.of("", code).getDisplayCountry(Locale.ENGLISH)), code);
        }
        var aliases = Map.ofEntries(
                Map.entry("Korea, Republic of", "KR"),
                Map.entry("South Korea", "KR"),
                Map.entry("Korea, Democratic People's Republic of", "KP"),
                Map.entry("Turkey", "TR"),
                Map.entry("Turkey (Türkiye)", "TR"),
                Map.entry("Türkiye", "TR"),
                Map.entry("Russian Federation", "RU"),
                Map.entry("Russia", "RU"),
                Map.entry("Vietnam", "VN"),
                Map.entry("Viet Nam", "VN"),
                Map.entry("Taiwan", "TW"),
                Map.entry("Hong Kong", "HK"),
                Map.entry("Macau", "MO"),
                Map.entry("Czech Republic", "CZ"),
                Map.entry("Czechia", "CZ"),
                Map.entry("Iran, Islamic Republic of", "IR"),
                Map.entry("Moldova, Republic of", "MD"),
                Map.entry("North Macedonia", "MK"),
                Map.entry("Macedonia, The Former Yugoslav Republic of", "MK"),
                Map.entry("Tanzania", "TZ"),
                Map.entry("Syrian Arab Republic", "SY"),
                Map.entry("Lao People's Democratic Republic", "LA"),
                Map.entry("Congo, The Democratic Republic of the", "CD"),
                Map.entry("Libyan Arab Jamahiriya", "LY"),
                Map.entry("Palestinian Territory, occupied", "PS"),
                Map.entry("Palestine", "PS"),
                Map.entry("Côte D'Ivoire", "CI"),
                Map.entry("Bolivia", "BO"),
                Map.entry("Venezuela", "VE"),
                Map.entry("United States", "US"),
                Map.entry("United Kingdom", "GB"),
                Map.entry("Myanmar", "MM"));
        aliases.forEach((name, code) -> codes.put(normalise(name), code));
        return Map.copyOf(codes);
    }

    private static String normalise(String name) {
        var plain = Normalizer.normalize(name.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        return plain.replace("&", "and").replaceAll("[^a-z0-9]", "");
    }
}
