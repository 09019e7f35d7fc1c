package dk.trialport.infra.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;

/** The analyzer {@code trialport_folded}: standard tokenizer, lowercase, folding; no stemming. */
@NamedComponent("trialport_folded")
public class FoldedAnalyzerFactory implements AnalyzerFactory {

    @Override
    public Analyzer create() {
        return new ChainAnalyzer(Chains::folded);
    }
}
