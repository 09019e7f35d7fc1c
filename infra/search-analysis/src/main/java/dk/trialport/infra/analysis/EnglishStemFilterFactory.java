package dk.trialport.infra.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/** The token filter {@code trialport_english_stem}: English possessive removal and Porter stemming (expects lowercase). */
@NamedComponent("trialport_english_stem")
public class EnglishStemFilterFactory implements TokenFilterFactory {

    @Override
    public TokenStream create(TokenStream in) {
        return Chains.englishStem(in);
    }
}
