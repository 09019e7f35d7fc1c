package dk.trialport.infra.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/** The token filter {@code trialport_danish_stop}: drops Lucene's default Danish stop words (expects lowercase). */
@NamedComponent("trialport_danish_stop")
public class DanishStopFilterFactory implements TokenFilterFactory {

    @Override
    public TokenStream create(TokenStream in) {
        return Chains.danishStop(in);
    }
}
