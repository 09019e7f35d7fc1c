package dk.trialport.portal;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which language a trial's own text is in, Danish or English, told by its most common small words, so a page can
 * mark text that is not in the page's language with its {@code lang} (WCAG 3.1.2) and say so. Registry texts carry
 * no language of their own; a short or mixed text is not guessed at.
 */
final class TextLanguage {

    private static final Set<String> DANISH = Set.of(
            "og",
            "at",
            "det",
            "af",
            "til",
            "med",
            "ikke",
            "der",
            "som",
            "er",
            "på",
            "har",
            "kan",
            "skal",
            "eller",
            "ved",
            "fra",
            "efter",
            "patienter",
            "behandling",
            "år",
            "deltagere",
            "mindst",
            "forsøget");
    private static final Set<String> ENGLISH = Set.of(
            "the",
            "and",
            "of",
            "to",
            "with",
            "or",
            "be",
            "is",
            "are",
            "not",
            "who",
            "have",
            "by",
            "from",
            "after",
            "patients",
            "treatment",
            "years",
            "participants",
            "least",
            "study",
            "trial");
    private static final Pattern WORD = Pattern.compile("[\\p{L}]+");
    private static final int ENOUGH = 3;

    private TextLanguage() {}

    /** "da" or "en" when the text clearly is one of them, else null. */
    static String of(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        int danish = 0;
        int english = 0;
        var words = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (words.find()) {
            var word = words.group();
            if (DANISH.contains(word)) {
                danish++;
            } else if (ENGLISH.contains(word)) {
                english++;
            }
            if (word.indexOf('æ') >= 0 || word.indexOf('ø') >= 0 || word.indexOf('å') >= 0) {
                danish++;
            }
        }
        if (danish >= ENOUGH && danish > 2 * english) {
            return "da";
        }
        if (english >= ENOUGH && english > 2 * danish) {
            return "en";
        }
        return null;
    }

    /** The text's language when it differs from the page's, for a {@code lang} attribute; null when the same. */
    static String ifOther(String text, Locale page) {
        var language = of(text);
        return language == null || language.equals(page.getLanguage()) ? null : language;
    }
}
