package dk.trialport.search.vocabulary;

import java.util.regex.Pattern;

/**
 * Gives back æ, ø and å to Danish text written with {@code ae}, {@code oe} and {@code aa} (as the SKS copy is), for
 * labels only: matching folds both spellings to one. Capitalised words after the first are left alone (eponyms such
 * as "Boerhaaves").
 */
final class DanishLetters {

    private static final Pattern WORD = Pattern.compile("\\p{L}+");

    private DanishLetters() {}

    static String restore(String text) {
        var matcher = WORD.matcher(text);
        var out = new StringBuilder();
        boolean first = true;
        while (matcher.find()) {
            var word = matcher.group();
            boolean eponym = !first && Character.isUpperCase(word.charAt(0));
            matcher.appendReplacement(out, eponym ? word : restoreWord(word));
            first = false;
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String restoreWord(String word) {
        var restored = word.replace("aa", "å")
                .replace("ae", "æ")
                .replace("oe", "ø")
                .replace("Aa", "Å")
                .replace("Ae", "Æ")
                .replace("Oe", "Ø");
        return restored.equals(word) ? word : restored;
    }
}
