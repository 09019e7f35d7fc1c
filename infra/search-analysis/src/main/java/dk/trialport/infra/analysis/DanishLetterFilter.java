package dk.trialport.infra.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Writes the Danish letters the way Danes type them without a Danish keyboard: æ→ae, ø→oe, å→aa
 * (capitals likewise), where ASCII folding alone would make ø→o and å→a.
 */
public final class DanishLetterFilter extends TokenFilter {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final StringBuilder folded = new StringBuilder();

    public DanishLetterFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        if (!hasDanishLetter()) {
            return true;
        }
        folded.setLength(0);
        append(term, folded);
        term.setEmpty().append(folded);
        return true;
    }

    /** The word with æ, ø and å written out. */
    static String fold(CharSequence word) {
        var out = new StringBuilder(word.length() + 2);
        append(word, out);
        return out.toString();
    }

    private static void append(CharSequence word, StringBuilder out) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            switch (c) {
                case 'æ' -> out.append("ae");
                case 'ø' -> out.append("oe");
                case 'å' -> out.append("aa");
                case 'Æ' -> out.append("AE");
                case 'Ø' -> out.append("OE");
                case 'Å' -> out.append("AA");
                default -> out.append(c);
            }
        }
    }

    private boolean hasDanishLetter() {
        var buffer = term.buffer();
        for (int i = 0; i < term.length(); i++) {
            switch (buffer[i]) {
                case 'æ', 'ø', 'å', 'Æ', 'Ø', 'Å' -> {
                    return true;
                }
                default -> {}
            }
        }
        return false;
    }
}
