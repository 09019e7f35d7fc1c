package dk.trialport.infra.analysis;

import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/** A Lucene analyzer: the standard tokenizer followed by one of the {@link Chains}. */
final class ChainAnalyzer extends Analyzer {

    private final UnaryOperator<TokenStream> chain;

    ChainAnalyzer(UnaryOperator<TokenStream> chain) {
        this.chain = chain;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        var tokenizer = new StandardTokenizer();
        return new TokenStreamComponents(tokenizer, chain.apply(tokenizer));
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return Chains.folded(in);
    }
}
