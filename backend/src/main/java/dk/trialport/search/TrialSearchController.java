package dk.trialport.search;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The public search API: {@code GET /api/v1/trials} answers {@code {total, items[], facets{}, next}};
 * {@code GET /api/v1/trials/suggest} completes what a person is typing. Errors are problem details.
 */
@RestController
@RequestMapping("/api/v1/trials")
class TrialSearchController {

  private final TrialSearch search;
  private final TrialQueryParser parser;
  private final TrialSuggestions suggestions;

  TrialSearchController(TrialSearch search, TrialQueryParser parser, TrialSuggestions suggestions) {
    this.search = search;
    this.parser = parser;
    this.suggestions = suggestions;
  }

  @GetMapping
  Mono<SearchPage> trials(@RequestParam MultiValueMap<String, String> parameters, ServerWebExchange exchange) {
    return Mono.fromSupplier(() -> parser.parse(parameters, exchange.getLocaleContext().getLocale()))
        .flatMap(search::search);
  }

  @GetMapping("/suggest")
  Mono<TrialSuggestions.Suggestions> suggest(@RequestParam(name = "q", defaultValue = "") String text,
      ServerWebExchange exchange) {
    return suggestions.suggest(text, exchange.getLocaleContext().getLocale());
  }

  @ExceptionHandler(InvalidSearch.class)
  ProblemDetail invalid(InvalidSearch e) {
    var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setTitle("Invalid search");
    problem.setProperty("parameter", e.parameter());
    return problem;
  }
}
