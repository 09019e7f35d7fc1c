package dk.trialport.infra.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;

/** The analyzer {@code trialport_danish}: standard tokenizer, lowercase, Danish stop words, Danish stemming, folding. */
@NamedComponent("trialport_danish")
public class DanishAnalyzerFactory implements AnalyzerFactory {

    @Override
    public Analyzer create() {
        return new ChainAnalyzer(Chains::danish);
    }
}
