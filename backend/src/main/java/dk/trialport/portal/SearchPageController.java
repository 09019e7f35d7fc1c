package dk.trialport.portal;

import dk.trialport.availability.ServiceUnavailable;
import dk.trialport.search.InvalidSearch;
import dk.trialport.search.QueryUnderstanding;
import dk.trialport.search.SearchAlternatives;
import dk.trialport.search.SearchPage;
import dk.trialport.search.TrialQueryParser;
import dk.trialport.search.TrialSearch;
import dk.trialport.search.vocabulary.ConditionVocabulary;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The search results page, {@code /soeg}: a GET form whose query string is the whole state of the search
 * (the same parameters as the search API), the result cards with facet counts, and paging by cursor.
 * What cannot be searched is shown next to its field, with status 400; when the index does not answer, the page says
 * search is unavailable right now, with status 503.
 */
@Controller
class SearchPageController {

    static final String VIEW = "search/results";
    private static final Logger log = LoggerFactory.getLogger(SearchPageController.class);

    private final TrialSearch search;
    private final TrialQueryParser parser;
    private final SearchFilters filters;
    private final MessageSource messages;
    private final QueryUnderstanding understanding;
    private final SearchAlternatives alternatives;
    private final ConditionVocabulary vocabulary;

    SearchPageController(
            TrialSearch search,
            TrialQueryParser parser,
            SearchFilters filters,
            MessageSource messages,
            QueryUnderstanding understanding,
            SearchAlternatives alternatives,
            ConditionVocabulary vocabulary) {
        this.vocabulary = vocabulary;
        this.search = search;
        this.parser = parser;
        this.filters = filters;
        this.messages = messages;
        this.understanding = understanding;
        this.alternatives = alternatives;
    }

    /** Something to try when a search found nothing: its text and link; {@code kind} names the step. */
    public record Alternative(String kind, String text, String href) {}

    /** A filter read from the search text, shown as a link that searches again without it. */
    public record Chip(String label, String href, String removeLabel) {}

    @GetMapping(PageLinks.PATH)
    Mono<Rendering> results(@RequestParam MultiValueMap<String, String> parameters, ServerWebExchange exchange) {
        var texts = new Texts(messages, exchange.getLocaleContext().getLocale());
        var form = SearchForm.of(parameters);
        return Mono.defer(() -> {
                    var query = understanding.understand(parser.parse(parameters, texts.locale()));
                    return search.search(query)
                            .flatMap(page -> page.total() > 0
                                    ? Mono.just(found(page, form, parameters, texts, List.of()))
                                    : alternatives
                                            .alternatives(query)
                                            .onErrorReturn(List.of())
                                            .map(found -> found(
                                                    page, form, parameters, texts, links(found, parameters, texts))));
                })
                .onErrorResume(InvalidSearch.class, invalid -> Mono.just(invalid(invalid, form, texts)))
                .onErrorResume(
                        ServiceUnavailable.class,
                        unavailable -> Mono.just(unavailable(unavailable, form, texts, exchange)));
    }

    /** The index does not answer: the form as entered and a notice to try again soon, with status 503. */
    private Rendering unavailable(
            ServiceUnavailable unavailable, SearchForm form, Texts texts, ServerWebExchange exchange) {
        var request = exchange.getRequest();
        log.warn("Page {}", unavailable.logLine(request.getMethod(), request.getPath()));
        return view(form, filters.groups(form, null, texts), Map.of())
                .modelAttribute("unavailable", true)
                .status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, ServiceUnavailable.retryAfterSeconds())
                .build();
    }

    private Rendering found(
            SearchPage page,
            SearchForm form,
            MultiValueMap<String, String> parameters,
            Texts texts,
            List<Alternative> alternatives) {
        return view(form, filters.groups(form, page, texts), Map.of())
                .modelAttribute("total", page.total())
                .modelAttribute(
                        "cards",
                        page.items().stream()
                                .map(item -> ResultCards.card(item, form, texts, vocabulary))
                                .toList())
                .modelAttribute("next", PageLinks.next(parameters, page.next()))
                .modelAttribute("first", PageLinks.first(parameters))
                .modelAttribute("chips", chips(page, parameters, texts))
                .modelAttribute("alternatives", alternatives)
                .modelAttribute("atomFeed", OpenDataPageController.feed(parameters, texts.locale()))
                .build();
    }

    private static List<Alternative> links(
            List<SearchAlternatives.Alternative> found, MultiValueMap<String, String> parameters, Texts texts) {
        return found.stream()
                .map(alternative -> {
                    var kind = alternative.kind().name().toLowerCase(java.util.Locale.ROOT);
                    var key = "search.alternative." + kind;
                    return switch (alternative.kind()) {
                        case SPELLING, BROADER ->
                            new Alternative(
                                    kind,
                                    texts.get(key, alternative.label(), alternative.total()),
                                    PageLinks.withText(parameters, alternative.q()));
                        case WIDER ->
                            new Alternative(
                                    kind,
                                    texts.get(key, alternative.distanceKm(), alternative.total()),
                                    PageLinks.with(
                                            parameters,
                                            "distanceKm",
                                            alternative.distanceKm().toString()));
                        case CLOSED ->
                            new Alternative(
                                    kind,
                                    texts.get(key, alternative.total()),
                                    PageLinks.with(parameters, "status", "all"));
                        case INTEREST ->
                            new Alternative(
                                    kind,
                                    texts.get(key, alternative.label()),
                                    ProfilePageController.withArea(alternative.area()));
                    };
                })
                .toList();
    }

    private static List<Chip> chips(SearchPage page, MultiValueMap<String, String> parameters, Texts texts) {
        if (page.understood() == null) {
            return List.of();
        }
        return page.understood().filters().stream()
                .map(filter -> new Chip(
                        filter.label(),
                        PageLinks.withText(parameters, filter.textWithout()),
                        texts.get("search.understood.remove", filter.label())))
                .toList();
    }

    private Rendering invalid(InvalidSearch invalid, SearchForm form, Texts texts) {
        var field = SearchErrors.field(invalid.parameter());
        var errors = Map.of(field, texts.get(SearchErrors.messageKey(field)));
        return view(form, filters.groups(form, null, texts), errors)
                .status(HttpStatus.BAD_REQUEST)
                .build();
    }

    private static Rendering.Builder<?> view(SearchForm form, List<FilterGroup> groups, Map<String, String> errors) {
        return Rendering.view(VIEW)
                .modelAttribute("form", form)
                .modelAttribute("filters", groups)
                .modelAttribute("errors", errors)
                .modelAttribute("distances", SearchForm.DISTANCES)
                .modelAttribute("sorts", SearchForm.SORTS);
    }
}
