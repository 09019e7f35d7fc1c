package dk.trialport.opendata;

import dk.trialport.search.InvalidSearch;
import dk.trialport.search.SearchPage;
import dk.trialport.search.TrialQueryParser;
import dk.trialport.search.TrialSearch;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * {@code GET /feeds/trials.atom}: an Atom 1.0 feed of the trials open for recruitment, newest start first, for a
 * condition area ({@code condition}, the search's area values, repeatable) and region ({@code region}, repeatable)
 * and in Danish or English ({@code lang}), so patient organisations can follow new trials in any feed reader. It is
 * the search engine's query, which holds public trials only: a draft is never indexed, so never in the feed.
 */
@RestController
class TrialFeed {

    static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");
    private static final String NS = "http://www.w3.org/2005/Atom";
    private static final List<String> PARAMETERS = List.of("condition", "region", "lang");
    private static final int ENTRIES = 50;

    private final TrialSearch search;
    private final TrialQueryParser parser;
    private final String baseUrl;

    TrialFeed(
            TrialSearch search,
            TrialQueryParser parser,
            @Value("${trialport.public-base-url:http://localhost:8080}") String baseUrl) {
        this.search = search;
        this.parser = parser;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    @GetMapping("/feeds/trials.atom")
    Mono<ResponseEntity<String>> feed(ServerHttpRequest request) {
        var given = request.getQueryParams();
        var query = new LinkedMultiValueMap<String, String>();
        for (var name : given.keySet()) {
            if (!PARAMETERS.contains(name)) {
                return Mono.just(refused("Unknown parameter " + name + "; the feed takes condition, region and lang"));
            }
            query.put(name, given.get(name));
        }
        var locale = "en".equals(given.getFirst("lang")) ? Locale.ENGLISH : Locale.forLanguageTag("da");
        query.set("lang", locale.getLanguage());
        query.set("sort", "newest");
        query.set("size", Integer.toString(ENTRIES));
        try {
            var parsed = parser.parse(query, locale);
            var self = UriComponentsBuilder.fromUriString(baseUrl + "/feeds/trials.atom")
                    .query(request.getURI().getRawQuery())
                    .build(true)
                    .toUriString();
            return search.search(parsed)
                    .map(page -> ResponseEntity.ok()
                            .contentType(ATOM)
                            .body(atom(page, self, locale, given.get("condition"), given.get("region"))));
        } catch (InvalidSearch invalid) {
            return Mono.just(refused(invalid.getMessage()));
        }
    }

    private static ResponseEntity<String> refused(String message) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST)
                .contentType(MediaType.TEXT_PLAIN)
                .body(message);
    }

    private String atom(SearchPage page, String self, Locale locale, List<String> conditions, List<String> regions) {
        boolean danish = locale.getLanguage().equals("da");
        var writer = new StringWriter();
        try {
            var xml = XMLOutputFactory.newFactory().createXMLStreamWriter(writer);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(NS);
            xml.writeAttribute("xml:lang", locale.getLanguage());
            element(xml, "id", self);
            var about = String.join(", ", concat(conditions, regions));
            element(
                    xml,
                    "title",
                    (danish ? "Nye forsøg, der rekrutterer, på Trialport" : "New trials recruiting on Trialport")
                            + (about.isEmpty() ? "" : " – " + about));
            element(
                    xml,
                    "subtitle",
                    danish
                            ? "Kliniske forsøg i Danmark, der søger deltagere, nyeste start først"
                            : "Clinical trials in Denmark looking for participants, newest start first");
            var updated = page.items().stream()
                    .map(SearchPage.Item::lastUpdated)
                    .filter(Objects::nonNull)
                    .max(String::compareTo)
                    .orElse(Instant.EPOCH.toString());
            element(xml, "updated", Instant.parse(updated).toString());
            link(xml, "self", self, "application/atom+xml");
            link(xml, "alternate", baseUrl + "/soeg", "text/html");
            xml.writeStartElement("author");
            element(xml, "name", "Trialport");
            element(xml, "uri", baseUrl + "/");
            xml.writeEndElement();
            element(xml, "rights", "CC BY 4.0");
            for (var item : page.items()) {
                xml.writeStartElement("entry");
                var url = baseUrl + "/forsoeg/" + item.id() + (danish ? "" : "?lang=en");
                element(xml, "id", baseUrl + "/forsoeg/" + item.id());
                element(xml, "title", item.title());
                element(xml, "updated", Instant.parse(item.lastUpdated()).toString());
                link(xml, "alternate", url, "text/html");
                for (var area : item.conditionAreas() == null ? List.<String>of() : item.conditionAreas()) {
                    xml.writeEmptyElement("category");
                    xml.writeAttribute("term", area);
                }
                if (item.summary() != null) {
                    element(xml, "summary", item.summary());
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return writer.toString();
    }

    private static List<String> concat(List<String> first, List<String> second) {
        var all = new java.util.ArrayList<String>();
        all.addAll(first == null ? List.of() : first);
        all.addAll(second == null ? List.of() : second);
        return all;
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text == null ? "" : text);
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String href, String type) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("href", href);
        xml.writeAttribute("type", type);
    }
}
