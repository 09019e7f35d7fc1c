package dk.trialport.portal;

import java.text.NumberFormat;
import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * The page texts in one request's language, for the texts the pages put together in code (the portal's and the
 * clinician app's).
 */
public record Texts(MessageSource messages, Locale locale) {

    public String get(String key, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }

    public boolean english() {
        return "en".equals(locale.getLanguage());
    }

    /** A whole number without decimals, else one decimal, in the language's way ("0,5" in Danish). */
    public String number(double value) {
        var format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(value == Math.rint(value) ? 0 : 1);
        return format.format(value);
    }

    /** "18–75 år", "fra 18 år", "op til 65 år" or "alle aldre". */
    public String ageRange(Double minimum, Double maximum) {
        if (minimum != null && maximum != null) {
            return get("age.range", number(minimum), number(maximum));
        }
        if (minimum != null) {
            return get("age.from", number(minimum));
        }
        return maximum != null ? get("age.upTo", number(maximum)) : get("age.any");
    }

    /** "alle køn", "kun kvinder", "kun mænd", or "ikke oplyst" for a value the page does not know. */
    public String sex(String sex) {
        if (sex == null || sex.equals("all")) {
            return get("sex.any");
        }
        return sex.equals("female") || sex.equals("male") ? get("sex." + sex) : get("sex.unknown");
    }

    /** The label of a facet value from the message bundles ({@code search.facet.status.recruiting}). */
    public String facet(String facet, String value) {
        return messages.getMessage("search.facet." + facet + "." + value, null, value, locale);
    }
}
