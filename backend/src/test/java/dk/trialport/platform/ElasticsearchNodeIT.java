package dk.trialport.platform;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import dk.trialport.support.TrialportIntegrationTest;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@TrialportIntegrationTest
class ElasticsearchNodeIT {

    @Autowired
    ElasticsearchClient elasticsearch;

    @Test
    void theNodeAcceptsAnIndexAndFindsWhatWasIndexed() throws IOException {
        elasticsearch.indices().create(index -> index.index("platform-check"));
        elasticsearch.index(doc -> doc.index("platform-check")
                .id("1")
                .refresh(Refresh.True)
                .document(Map.of("title", "Type 2 diabetes in adults")));
        elasticsearch.index(doc -> doc.index("platform-check")
                .id("2")
                .refresh(Refresh.True)
                .document(Map.of("title", "Breast cancer screening")));

        @SuppressWarnings("rawtypes")
        var hits = elasticsearch
                .search(
                        search -> search.index("platform-check")
                                .query(query -> query.match(
                                        match -> match.field("title").query("diabetes"))),
                        Map.class)
                .hits();

        assertThat(hits.hits()).extracting(hit -> hit.id()).containsExactly("1");
    }
}
