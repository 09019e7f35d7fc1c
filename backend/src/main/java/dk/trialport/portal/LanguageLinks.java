package dk.trialport.portal;

import java.util.List;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The header's links to the page in the other languages, keeping the page's own query (a search, a check),
 * so switching language never loses what a person entered. Pages outside this package's controllers (the
 * error page) fall back to a plain {@code ?lang=}. Public so that templates can read it.
 */
@ControllerAdvice(basePackageClasses = LanguageLinks.class)
public class LanguageLinks {

    /** The page in Danish and in English. */
    public record Links(String da, String en) {}

    @ModelAttribute("languageLinks")
    Links languageLinks(ServerWebExchange exchange) {
        var query = new LinkedMultiValueMap<>(exchange.getRequest().getQueryParams());
        query.remove(LanguageSwitch.PARAMETER);
        return new Links(link(query, "da"), link(query, "en"));
    }

    private static String link(LinkedMultiValueMap<String, String> query, String language) {
        var copy = new LinkedMultiValueMap<>(query);
        copy.put(LanguageSwitch.PARAMETER, List.of(language));
        return UriComponentsBuilder.newInstance()
                .queryParams(copy)
                .build()
                .encode()
                .toUriString();
    }
}
