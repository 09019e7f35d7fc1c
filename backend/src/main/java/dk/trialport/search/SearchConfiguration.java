package dk.trialport.search;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.transport.ElasticsearchTransport;
import dk.trialport.search.vocabulary.ConditionVocabulary;
import dk.trialport.search.vocabulary.PlaceNames;
import dk.trialport.search.vocabulary.PostalCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The vocabulary and postal codes loaded at start, and the non-blocking Elasticsearch client searches use. */
@Configuration(proxyBeanMethods = false)
class SearchConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SearchConfiguration.class);

    @Bean
    ConditionVocabulary conditionVocabulary(SearchProperties properties) {
        var terminology = properties.terminology().isBlank()
                ? Optional.<Path>empty()
                : Optional.of(Path.of(properties.terminology()).toAbsolutePath().normalize());
        if (terminology.isPresent() && !Files.isDirectory(terminology.get())) {
            log.warn("No national terminology at {}: the condition vocabulary is the project's own", terminology.get());
        }
        return ConditionVocabulary.load(terminology.filter(Files::isDirectory));
    }

    @Bean
    PostalCodes postalCodes() {
        return PostalCodes.load();
    }

    @Bean
    PlaceNames placeNames(PostalCodes postalCodes) {
        return PlaceNames.load(postalCodes);
    }

    @Bean
    ElasticsearchAsyncClient elasticsearchAsyncClient(ElasticsearchTransport transport) {
        return new ElasticsearchAsyncClient(transport);
    }
}
