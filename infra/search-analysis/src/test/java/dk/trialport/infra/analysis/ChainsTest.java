package dk.trialport.infra.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;
import org.junit.jupiter.api.Test;

/** Each named filter, and the chains built from them, on the standard tokenizer as the node runs them. */
class ChainsTest {

    private static final UnaryOperator<TokenStream> DANISH = filters(
            new LowercaseFilterFactory(),
            new DanishStopFilterFactory(),
            new FoldFilterFactory(),
            new DanishStemFilterFactory());
    private static final UnaryOperator<TokenStream> ENGLISH = filters(
            new LowercaseFilterFactory(),
            new EnglishStopFilterFactory(),
            new FoldFilterFactory(),
            new EnglishStemFilterFactory());

    @Test
    void lowercaseLowersEverything() throws IOException {
        assertThat(tokens("Brystkræft ÅRHUS", filters(new LowercaseFilterFactory())))
                .containsExactly("brystkræft", "århus");
    }

    @Test
    void foldWritesDanishLettersAsTypedWithoutThemAndOtherAccentsAsAscii() throws IOException {
        var fold = filters(new FoldFilterFactory());
        assertThat(tokens("brystkræft søg århus Ærø", fold)).containsExactly("brystkraeft", "soeg", "aarhus", "AEroe");
        assertThat(tokens("café Müller naïve Straße", fold)).containsExactly("cafe", "Muller", "naive", "Strasse");
        assertThat(tokens("plain", fold)).containsExactly("plain");
    }

    @Test
    void danishStopDropsDanishStopWords() throws IOException {
        assertThat(tokens("kræft i lungen og på huden", filters(new DanishStopFilterFactory())))
                .containsExactly("kræft", "lungen", "huden");
        assertThat(tokens("kraeft paa huden", filters(new DanishStopFilterFactory())))
                .containsExactly("kraeft", "huden");
    }

    @Test
    void englishStopDropsEnglishStopWords() throws IOException {
        assertThat(tokens("cancer of the lung", filters(new EnglishStopFilterFactory())))
                .containsExactly("cancer", "lung");
    }

    @Test
    void danishStemStripsDanishEndings() throws IOException {
        assertThat(tokens("brystkræften brystkræft kræftformer", filters(new DanishStemFilterFactory())))
                .containsExactly("brystkræft", "brystkræft", "kræftform");
    }

    @Test
    void englishStemStripsPossessivesAndEndings() throws IOException {
        assertThat(tokens(
                        "cancers cancer Crohn's diabetes diabetic",
                        filters(new LowercaseFilterFactory(), new EnglishStemFilterFactory())))
                .containsExactly("cancer", "cancer", "crohn", "diabet", "diabet");
    }

    @Test
    void danishChainMeetsWordsTypedWithAndWithoutDanishLetters() throws IOException {
        assertThat(tokens("brystkræft", DANISH)).containsExactly("brystkraeft");
        assertThat(tokens("brystkraeft", DANISH)).containsExactly("brystkraeft");
        assertThat(tokens("Brystkræften", DANISH)).containsExactly("brystkraeft");
        assertThat(tokens("BRYSTKRAEFTEN", DANISH)).containsExactly("brystkraeft");
        assertThat(tokens("søg", DANISH)).isEqualTo(tokens("soeg", DANISH));
        assertThat(tokens("søger", DANISH)).isEqualTo(tokens("soeger", DANISH));
        assertThat(tokens("Århus", DANISH)).containsExactly("aarhus");
        assertThat(tokens("aarhus", DANISH)).containsExactly("aarhus");
        assertThat(tokens("lungekræft hos rygere", DANISH)).containsExactly("lungekraeft", "ryg");
    }

    /** Stemming before folding would give graastaer for one and graasta for the other. */
    @Test
    void danishChainFoldsBeforeStemmingSoBothSpellingsStemAlike() throws IOException {
        assertThat(tokens("gråstær", DANISH)).containsExactly("graasta");
        assertThat(tokens("graastaer", DANISH)).containsExactly("graasta");
        var stemThenFold =
                filters(new LowercaseFilterFactory(), new DanishStemFilterFactory(), new FoldFilterFactory());
        assertThat(tokens("gråstær", stemThenFold)).containsExactly("graastaer");
        assertThat(tokens("Brystkræft", stemThenFold)).containsExactly("brystkraeft");
    }

    @Test
    void englishChainMeetsSingularAndPlural() throws IOException {
        assertThat(tokens("cancers", ENGLISH)).containsExactly("cancer");
        assertThat(tokens("Cancer", ENGLISH)).containsExactly("cancer");
        assertThat(tokens("the patient's tumours", ENGLISH)).containsExactly("patient", "tumour");
        assertThat(tokens("Sjögren's syndrome", ENGLISH)).containsExactly("sjogren", "syndrom");
        assertThat(tokens("diabetes", ENGLISH)).isEqualTo(tokens("diabetic", ENGLISH));
    }

    @Test
    void analyzersRunTheSameChains() throws IOException {
        assertThat(analyze(new DanishAnalyzerFactory().create(), "Brystkræften i Århus"))
                .containsExactly("brystkraeft", "aarhus");
        assertThat(analyze(new EnglishAnalyzerFactory().create(), "The cancers"))
                .containsExactly("cancer");
        assertThat(analyze(new FoldedAnalyzerFactory().create(), "Brystkræften i Århus"))
                .containsExactly("brystkraeften", "i", "aarhus");
    }

    private static UnaryOperator<TokenStream> filters(TokenFilterFactory... factories) {
        return in -> {
            var stream = in;
            for (var factory : factories) {
                stream = factory.create(stream);
            }
            return stream;
        };
    }

    private static List<String> tokens(String text, UnaryOperator<TokenStream> chain) throws IOException {
        var tokenizer = new StandardTokenizer();
        tokenizer.setReader(new StringReader(text));
        return collect(chain.apply(tokenizer));
    }

    private static List<String> analyze(org.apache.lucene.analysis.Analyzer analyzer, String text) throws IOException {
        try (analyzer) {
            return collect(analyzer.tokenStream("field", text));
        }
    }

    private static List<String> collect(TokenStream stream) throws IOException {
        var result = new ArrayList<String>();
        try (stream) {
            var term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                result.add(term.toString());
            }
            stream.end();
        }
        return result;
    }
}
