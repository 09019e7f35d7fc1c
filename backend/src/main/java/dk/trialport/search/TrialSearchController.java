package dk.trialport.search;

import dk.trialport.api.JsonApi;
import java.util.Set;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The public search API: {@code GET /api/v1/trials} answers {@code {total, items[], facets{}, next}};
 * {@code GET /api/v1/trials/suggest} completes what a person is typing. A parameter it cannot take is a 400 problem
 * detail naming it.
 */
@RestController
@JsonApi
@RequestMapping("/api/v1/trials")
class TrialSearchController {

    private static final Set<String> LANGUAGES = Set.of("da", "en");

    private final TrialSearch search;
    private final TrialQueryParser parser;
    private final TrialSuggestions suggestions;
    private final QueryUnderstanding understanding;

    TrialSearchController(
            TrialSearch search,
            TrialQueryParser parser,
            TrialSuggestions suggestions,
            QueryUnderstanding understanding) {
        this.search = search;
        this.parser = parser;
        this.suggestions = suggestions;
        this.understanding = understanding;
    }

    @GetMapping
    Mono<SearchPage> trials(@RequestParam MultiValueMap<String, String> parameters, ServerWebExchange exchange) {
        return Mono.fromSupplier(() -> {
                    checkLanguage(parameters);
                    return understanding.understand(
                            parser.parse(parameters, exchange.getLocaleContext().getLocale()));
                })
                .flatMap(search::search);
    }

    @GetMapping("/suggest")
    Mono<TrialSuggestions.Suggestions> suggest(
            @RequestParam MultiValueMap<String, String> parameters, ServerWebExchange exchange) {
        return Mono.fromSupplier(() -> {
                    checkLanguage(parameters);
                    return parser.suggestionPrefix(parameters);
                })
                .flatMap(prefix ->
                        suggestions.suggest(prefix, exchange.getLocaleContext().getLocale()));
    }

    /**
     * The API refuses a language it does not have ({@code lang=da|en}); the pages fall back to Danish instead. The
     * language itself is resolved for every request by the portal's language switch (the parameter, else the cookie).
     */
    static void checkLanguage(MultiValueMap<String, String> parameters) {
        var values = parameters.get("lang");
        if (values != null
                && (values.size() != 1 || !LANGUAGES.contains(values.get(0).strip()))) {
            throw new InvalidSearch("lang", "lang must be da or en, given once");
        }
    }
}
