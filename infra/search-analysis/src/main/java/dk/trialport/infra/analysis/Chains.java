package dk.trialport.infra.analysis;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.da.DanishAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.tartarus.snowball.ext.DanishStemmer;

/**
 * The Lucene filters behind each named component, and the analyzer chains built from them:
 * lowercase → stop → fold → stem.
 *
 * <p>Folding comes before stemming: then "gråstær" and "graastaer" are one string by the time the
 * stemmer sees them and must stem alike. Stemming first (the Snowball stemmer does know æ, ø and
 * å) lets the two spellings part: "gråstær" keeps its ending (→ graastaer) while "graastaer" loses
 * "er" (→ graasta). The stemmer treats ae, oe and aa as vowels just as it does æ, ø and å, so
 * folding first costs little. The stop lists hold both spellings ("på" and "paa").
 */
public final class Chains {

    private static final CharArraySet DANISH_STOP = withFoldedSpellings(DanishAnalyzer.getDefaultStopSet());
    private static final CharArraySet ENGLISH_STOP = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;

    private Chains() {}

    public static TokenStream lowercase(TokenStream in) {
        return new LowerCaseFilter(in);
    }

    /** æ→ae, ø→oe, å→aa first, then every other accent to ASCII (é→e, ü→u, ß→ss). */
    public static TokenStream fold(TokenStream in) {
        return new ASCIIFoldingFilter(new DanishLetterFilter(in));
    }

    public static TokenStream danishStop(TokenStream in) {
        return new StopFilter(in, DANISH_STOP);
    }

    public static TokenStream englishStop(TokenStream in) {
        return new StopFilter(in, ENGLISH_STOP);
    }

    /** Snowball's Danish stemmer (the one Lucene's DanishAnalyzer uses). */
    public static TokenStream danishStem(TokenStream in) {
        return new SnowballFilter(in, new DanishStemmer());
    }

    /**
     * Possessive removal ("Crohn's" → "crohn"), then Porter (as Lucene's EnglishAnalyzer): Porter
     * is aggressive, which suits recall in a catalogue: cancers→cancer, diabetes and diabetic both
     * → diabet, treatments→treatment. A minimal (plural-only) stemmer would keep diabetic/diabetes
     * apart.
     */
    public static TokenStream englishStem(TokenStream in) {
        return new PorterStemFilter(new EnglishPossessiveFilter(in));
    }

    public static TokenStream danish(TokenStream in) {
        return danishStem(fold(danishStop(lowercase(in))));
    }

    public static TokenStream english(TokenStream in) {
        return englishStem(fold(englishStop(lowercase(in))));
    }

    public static TokenStream folded(TokenStream in) {
        return fold(lowercase(in));
    }

    /** The words as they are and as typed without Danish letters (på, paa). */
    private static CharArraySet withFoldedSpellings(CharArraySet words) {
        var all = new CharArraySet(words, false);
        for (Object word : words) {
            all.add(DanishLetterFilter.fold(word instanceof char[] chars ? new String(chars) : word.toString()));
        }
        return CharArraySet.unmodifiableSet(all);
    }
}
