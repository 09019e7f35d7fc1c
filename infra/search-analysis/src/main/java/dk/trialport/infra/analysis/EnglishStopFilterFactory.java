package dk.trialport.infra.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/** The token filter {@code trialport_english_stop}: drops Lucene's default English stop words (expects lowercase). */
@NamedComponent("trialport_english_stop")
public class EnglishStopFilterFactory implements TokenFilterFactory {

    @Override
    public TokenStream create(TokenStream in) {
        return Chains.englishStop(in);
    }
}
