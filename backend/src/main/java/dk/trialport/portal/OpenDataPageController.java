package dk.trialport.portal;

import dk.trialport.opendata.PublicDump;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * {@code /aabne-data}, "Open data": the nightly dump's files with their date, size and licence (CC BY 4.0), the FHIR
 * Bulk Data export and the Atom feeds of new trials.
 */
@Controller
class OpenDataPageController {

    static final String VIEW = "opendata/index";
    static final String FEED = "/feeds/trials.atom";

    /** One file of the dump as the page shows it. */
    record DumpRow(String name, String href, String format, java.time.Instant writtenAt, String size, int trials) {}

    private final PublicDump dump;

    OpenDataPageController(PublicDump dump) {
        this.dump = dump;
    }

    @GetMapping("/aabne-data")
    Mono<Rendering> page(ServerWebExchange exchange) {
        var locale = exchange.getLocaleContext().getLocale();
        var language = locale == null ? "da" : locale.getLanguage();
        return dump.files()
                .map(files -> Rendering.view(VIEW)
                        .modelAttribute(
                                "files",
                                files.stream()
                                        .map(file -> new DumpRow(
                                                file.name(),
                                                "/aabne-data/" + file.name(),
                                                file.name().endsWith(".csv") ? "CSV" : "FHIR NDJSON",
                                                file.writtenAt(),
                                                size(file.bytes(), locale),
                                                file.trials()))
                                        .toList())
                        .modelAttribute("atomFeed", feed(new LinkedMultiValueMap<>(), locale))
                        .modelAttribute("language", language)
                        .build());
    }

    /** The feed of the trials a search for these parameters' condition areas and regions finds, in its language. */
    static String feed(MultiValueMap<String, String> parameters, Locale locale) {
        var uri = UriComponentsBuilder.fromPath(FEED);
        for (var name : List.of("condition", "region")) {
            var values = parameters.get(name);
            if (values != null) {
                values.stream().filter(v -> !v.isBlank()).forEach(v -> uri.queryParam(name, v));
            }
        }
        if (locale != null && locale.getLanguage().equals("en")) {
            uri.queryParam("lang", "en");
        }
        return uri.encode().build().toUriString();
    }

    private static String size(long bytes, Locale locale) {
        var format = NumberFormat.getNumberInstance(locale == null ? Locale.forLanguageTag("da") : locale);
        format.setMaximumFractionDigits(1);
        if (bytes < 1024 * 1024) {
            return format.format(Math.max(bytes, 1) / 1024.0) + " KB";
        }
        return format.format(bytes / (1024.0 * 1024.0)) + " MB";
    }
}
