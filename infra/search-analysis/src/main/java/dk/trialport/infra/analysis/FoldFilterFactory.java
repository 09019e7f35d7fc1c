package dk.trialport.infra.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/** The token filter {@code trialport_fold}: æ→ae, ø→oe, å→aa, then ASCII folding of every other accent. */
@NamedComponent("trialport_fold")
public class FoldFilterFactory implements TokenFilterFactory {

    @Override
    public TokenStream create(TokenStream in) {
        return Chains.fold(in);
    }

    /** Also for normalizers (keyword fields) and the normalization of wildcard and prefix terms. */
    @Override
    public TokenStream normalize(TokenStream in) {
        return create(in);
    }
}
