package dk.trialport.search;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.DistanceUnit;
import co.elastic.clients.elasticsearch._types.SortMode;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.HighlightField;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.util.NamedValue;
import dk.trialport.availability.Outages;
import dk.trialport.search.vocabulary.ConditionVocabulary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Finds trials in the index: free text, filters with facet counts, distance, sorting and deep paging. When the node
 * does not answer, a search fails with {@link dk.trialport.availability.ServiceUnavailable} (a 503).
 */
@Service
public class TrialSearch {

    static final int MAX_SIZE = 100;
    private static final int FACET_SIZE = 50;

    private final ElasticsearchAsyncClient client;
    private final SearchProperties properties;
    private final SearchResults results;
    private final ConditionVocabulary vocabulary;

    TrialSearch(
            ElasticsearchAsyncClient client,
            SearchProperties properties,
            SearchResults results,
            ConditionVocabulary vocabulary) {
        this.client = client;
        this.properties = properties;
        this.results = results;
        this.vocabulary = vocabulary;
    }

    public Mono<SearchPage> search(TrialQuery query) {
        var request = request(query);
        return Mono.fromFuture(() -> client.search(request, TrialDocument.class))
                .onErrorMap(Outages::ofSearchEngine)
                .map(response -> page(query, response));
    }

    /** How many trials the query finds in all. */
    Mono<Long> total(TrialQuery query) {
        var request = request(query);
        return Mono.fromFuture(() -> client.search(request, TrialDocument.class))
                .map(response -> response.hits().total() == null
                        ? response.hits().hits().size()
                        : response.hits().total().value());
    }

    /** How long Elasticsearch itself took for a query, in milliseconds (the benchmark compares it with the API). */
    Mono<Long> took(TrialQuery query) {
        return Mono.fromFuture(() -> client.search(request(query), TrialDocument.class))
                .map(SearchResponse::took);
    }

    SearchRequest request(TrialQuery query) {
        var sort = query.effectiveSort();
        if (sort == TrialQuery.Sort.DISTANCE && query.near() == null) {
            throw new InvalidSearch("sort", "Sorting by distance needs a postal code or coordinates");
        }
        int distance = query.distanceKm() != null ? query.distanceKm() : properties.defaultDistanceKm();
        var common = TrialQueries.common(query, distance);
        var matching = Query.of(
                q -> q.bool(b -> b.must(TrialQueries.text(query, vocabulary)).filter(common)));
        var main = query.fhir().concepts().isEmpty() ? TrialQueries.currentFirst(matching) : matching;
        var postFilter = Query.of(q -> q.bool(b -> b.filter(TrialQueries.facetsExcept(null, query))));
        var builder = new SearchRequest.Builder()
                .index(properties.alias())
                .query(main)
                .postFilter(postFilter)
                .size(query.size())
                .trackTotalHits(t -> t.enabled(true))
                .sort(sortOptions(sort, query))
                .aggregations(aggregations(query));
        if (query.text() != null || query.fhir().conditionText() != null) {
            var words = SearchResults.firstOf(query.text(), query.fhir().conditionText());
            builder.highlight(h -> h.highlightQuery(TrialQueries.text(words))
                    .preTags("<mark>")
                    .postTags("</mark>")
                    .requireFieldMatch(false)
                    .fields(
                            highlight("layTitleDa", 0),
                            highlight("layTitleEn", 0),
                            highlight("summaryDa", 1),
                            highlight("summaryEn", 1),
                            highlight("conditions", 0)));
        }
        if (query.cursor() != null) {
            builder.searchAfter(SearchCursors.decode(query.cursor(), sort));
        }
        return builder.build();
    }

    /** A highlighted field: whole (no fragments) for short texts, one 160-character fragment for summaries. */
    private static NamedValue<HighlightField> highlight(String field, int fragments) {
        return NamedValue.of(
                field, HighlightField.of(h -> h.numberOfFragments(fragments).fragmentSize(160)));
    }

    private static List<SortOptions> sortOptions(TrialQuery.Sort sort, TrialQuery query) {
        var options = new ArrayList<SortOptions>();
        switch (sort) {
            case RELEVANCE -> options.add(SortOptions.of(s -> s.score(o -> o.order(SortOrder.Desc))));
            case DISTANCE ->
                options.add(SortOptions.of(s -> s.geoDistance(g -> g.field("siteLocations")
                        .location(l -> l.latlon(
                                p -> p.lat(query.near().lat()).lon(query.near().lon())))
                        .order(SortOrder.Asc)
                        .unit(DistanceUnit.Kilometers)
                        .mode(SortMode.Min))));
            case NEWEST ->
                options.add(SortOptions.of(s ->
                        s.field(f -> f.field("startDate").order(SortOrder.Desc).missing("_last"))));
            case UPDATED ->
                options.add(
                        SortOptions.of(s -> s.field(f -> f.field("lastUpdated").order(SortOrder.Desc))));
        }
        options.add(SortOptions.of(s -> s.field(f -> f.field("id").order(SortOrder.Asc))));
        return options;
    }

    private static Map<String, Aggregation> aggregations(TrialQuery query) {
        var aggregations = new LinkedHashMap<String, Aggregation>();
        for (var facet : Facet.values()) {
            var others = TrialQueries.facetsExcept(facet, query);
            aggregations.put(
                    facet.parameter(),
                    Aggregation.of(a -> a.filter(f -> f.bool(b -> b.filter(others)))
                            .aggregations(
                                    "values",
                                    v -> v.terms(
                                            t -> t.field(facet.countField()).size(FACET_SIZE)))));
        }
        return aggregations;
    }

    private SearchPage page(TrialQuery query, SearchResponse<TrialDocument> response) {
        var hits = response.hits().hits();
        var items = hits.stream().map(hit -> results.item(hit, query)).toList();
        String next = null;
        if (hits.size() == query.size()) {
            Hit<TrialDocument> last = hits.get(hits.size() - 1);
            next = SearchCursors.encode(query.effectiveSort(), last.sort());
        }
        var facets = new LinkedHashMap<String, List<SearchPage.FacetValue>>();
        for (var facet : Facet.values()) {
            Aggregate values = response.aggregations()
                    .get(facet.parameter())
                    .filter()
                    .aggregations()
                    .get("values");
            facets.put(facet.parameter(), results.facetValues(facet, values, query.locale()));
        }
        long total = response.hits().total() == null
                ? hits.size()
                : response.hits().total().value();
        return new SearchPage(total, items, facets, next, query.understood());
    }
}
