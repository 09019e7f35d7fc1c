package dk.trialport.search;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.transport.ElasticsearchTransport;
import dk.trialport.search.vocabulary.ConditionVocabulary;
import dk.trialport.search.vocabulary.PlaceNames;
import dk.trialport.search.vocabulary.PostalCodes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The vocabulary and postal codes loaded at start, and the non-blocking Elasticsearch client searches use. */
@Configuration(proxyBeanMethods = false)
class SearchConfiguration {

    @Bean
    ConditionVocabulary conditionVocabulary() {
        return ConditionVocabulary.load();
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
