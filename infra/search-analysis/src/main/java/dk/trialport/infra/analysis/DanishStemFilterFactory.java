package dk.trialport.infra.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/** The token filter {@code trialport_danish_stem}: the Snowball Danish stemmer (expects lowercase; the recommended chain folds first). */
@NamedComponent("trialport_danish_stem")
public class DanishStemFilterFactory implements TokenFilterFactory {

    @Override
    public TokenStream create(TokenStream in) {
        return Chains.danishStem(in);
    }
}
