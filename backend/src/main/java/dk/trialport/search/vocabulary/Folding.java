package dk.trialport.search.vocabulary;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Folds text for matching: lower case, æ ø å as ae oe aa, accents dropped, anything but letters and digits a space. */
public final class Folding {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^a-z0-9]+");

    private Folding() {}

    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        var lower = text.toLowerCase(Locale.ROOT)
                .replace("æ", "ae")
                .replace("ø", "oe")
                .replace("å", "aa")
                .replace("ß", "ss");
        var plain =
                MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
        return SEPARATORS.matcher(plain).replaceAll(" ").strip();
    }

    public static List<String> words(String text) {
        var folded = fold(text);
        return folded.isEmpty() ? List.of() : Arrays.asList(folded.split(" "));
    }
}
