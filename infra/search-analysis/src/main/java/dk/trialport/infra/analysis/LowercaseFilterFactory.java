package dk.trialport.infra.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/** The token filter {@code trialport_lowercase}: Lucene's lowercasing. */
@NamedComponent("trialport_lowercase")
public class LowercaseFilterFactory implements TokenFilterFactory {

    @Override
    public TokenStream create(TokenStream in) {
        return Chains.lowercase(in);
    }

    /** Also for normalizers (keyword fields) and the normalization of wildcard and prefix terms. */
    @Override
    public TokenStream normalize(TokenStream in) {
        return create(in);
    }
}
