package dk.trialport.infra.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;

/** The analyzer {@code trialport_english}: standard tokenizer, lowercase, English stop words, English stemming, folding. */
@NamedComponent("trialport_english")
public class EnglishAnalyzerFactory implements AnalyzerFactory {

    @Override
    public Analyzer create() {
        return new ChainAnalyzer(Chains::english);
    }
}
