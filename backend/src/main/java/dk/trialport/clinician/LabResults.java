package dk.trialport.clinician;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * A laboratory result from the record as a doctor reads it, for the pages ({@code @labResults}) and the reasons a
 * trial fits. The record gives UCUM units ({@code mL/min/{1.73_m2}}), whose curly-brace annotations are for machines:
 * the annotation is shown without its braces, with spaces for underscores, squares as superscripts and its numbers
 * in the page's language ("mL/min/1,73 m²"). Dates are written out ("17. aug. 2018").
 */
@Component("labResults")
public final class LabResults {

    private static final Pattern ANNOTATION = Pattern.compile("\\{([^}]*)}");
    private static final Pattern NUMBER = Pattern.compile("\\d+(\\.\\d+)?");

    public static String unit(String unit, Locale locale) {
        if (unit == null) {
            return "";
        }
        var annotations = ANNOTATION.matcher(unit);
        var readable = new StringBuilder();
        while (annotations.find()) {
            annotations.appendReplacement(readable, Matcher.quoteReplacement(annotation(annotations.group(1), locale)));
        }
        annotations.appendTail(readable);
        return readable.toString();
    }

    public static String date(LocalDate date, Locale locale) {
        return date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale));
    }

    private static String annotation(String text, Locale locale) {
        var spaced = text.replace('_', ' ').replaceAll("(?<=[a-zA-Z])2\\b", "²").replaceAll("(?<=[a-zA-Z])3\\b", "³");
        var numbers = NUMBER.matcher(spaced);
        var localised = new StringBuilder();
        while (numbers.find()) {
            var number = new BigDecimal(numbers.group());
            var format = NumberFormat.getNumberInstance(locale);
            format.setMinimumFractionDigits(number.scale());
            numbers.appendReplacement(localised, Matcher.quoteReplacement(format.format(number)));
        }
        numbers.appendTail(localised);
        return localised.toString();
    }
}
