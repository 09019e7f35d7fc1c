package dk.trialport.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import dk.trialport.catalogue.Trial;
import dk.trialport.catalogue.TrialProjectionStore;
import dk.trialport.demo.DemoCatalogueAccess;
import dk.trialport.identity.IdentityProperties;
import dk.trialport.search.TrialQueryParser;
import dk.trialport.search.TrialSearch;
import dk.trialport.support.Eventually;
import dk.trialport.support.FhirClients;
import dk.trialport.support.Tokens;
import dk.trialport.support.TrialBuilder;
import dk.trialport.support.TrialportIntegrationTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.w3c.dom.Element;
import tools.jackson.databind.json.JsonMapper;

/**
 * The open data a visitor takes away: the nightly dump (written on an administrator's demand here), the open-data
 * page that links it, and the Atom feed of new trials. A draft never appears in any of them.
 */
@TrialportIntegrationTest
class OpenDataIT {

    private static final String DRAFT_TITLE = "Draft the dump and the feed must never show";
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    IdentityProperties identity;

    @Autowired
    TrialProjectionStore trials;

    @Autowired
    TrialSearch search;

    @Autowired
    TrialQueryParser parser;

    WebTestClient web;
    static String draftId;

    @BeforeEach
    void theDemoCatalogueAndADraft() {
        web = FhirClients.web(port)
                .mutate()
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(32 * 1024 * 1024))
                .build();
        if (draftId == null) {
            DemoCatalogueAccess.seed(context);
            draftId = TrialBuilder.registered("NCT07300921")
                    .titled(DRAFT_TITLE)
                    .draft()
                    .create(web, Tokens.demoHospital(identity.issuer(), FhirClients.ALL_SCOPES))
                    .trialId();
        }
    }

    @Test
    void anAdministratorWritesTheDumpAndThePageLinksIt() {
        web.post().uri("/api/v1/admin/open-data/dump").exchange().expectStatus().isUnauthorized();
        web.post()
                .uri("/api/v1/admin/open-data/dump")
                .headers(h -> h.setBearerAuth(Tokens.operator(identity.issuer())))
                .exchange()
                .expectStatus()
                .isOk();
        var published = trials.all().filter(Trial::isPublic).count().block().intValue();

        var csv = get("/aabne-data/trials.csv", "text/csv;charset=UTF-8");
        var rows = csv.lines().toList();
        assertThat(rows.getFirst()).startsWith("\"id\",\"title_da\",\"title_en\",\"status\"");
        assertThat(rows).hasSize(published + 1);
        assertThat(csv).doesNotContain(draftId).doesNotContain(DRAFT_TITLE);
        assertThat(csv).contains("Region Hovedstaden");

        var ndjson = get("/aabne-data/trials.ndjson", "application/fhir+ndjson");
        var bundles = ndjson.lines().map(JSON::readTree).toList();
        assertThat(bundles).hasSize(published);
        assertThat(bundles).allSatisfy(bundle -> {
            assertThat(bundle.get("resourceType").asString()).isEqualTo("Bundle");
            var first = bundle.get("entry").get(0).get("resource");
            assertThat(first.get("resourceType").asString()).isEqualTo("ResearchStudy");
            assertThat(bundle.get("entry").toString()).contains("\"resourceType\":\"Location\"");
        });
        assertThat(ndjson).doesNotContain(draftId).doesNotContain(DRAFT_TITLE);

        for (var language : List.of("da", "en")) {
            var page = get("/aabne-data?lang=" + language, "text/html");
            assertThat(page)
                    .contains("href=\"/aabne-data/trials.csv\"", "href=\"/aabne-data/trials.ndjson\"")
                    .contains("CC BY 4.0")
                    .contains("rel=\"alternate\" type=\"application/atom+xml\"")
                    .contains(language.equals("da") ? "Åbne data" : "Open data");
        }
    }

    @Test
    void theFeedListsNewRecruitingTrialsPerAreaAndRegionButNoDraft() throws Exception {
        var recruiting = parser.parse(new LinkedMultiValueMap<>(), Locale.ENGLISH);
        Eventually.await(() -> search.search(recruiting).block().total() >= 20, "the demo catalogue is indexed");

        var all = entries(get("/feeds/trials.atom", "application/atom+xml;charset=UTF-8"));
        assertThat(all).isNotEmpty().hasSizeLessThanOrEqualTo(50);
        assertThat(String.join(" ", all)).doesNotContain(draftId).doesNotContain(DRAFT_TITLE);

        var cancer = entries(get("/feeds/trials.atom?condition=cancer&lang=en", "application/atom+xml;charset=UTF-8"));
        assertThat(cancer).isNotEmpty().hasSizeLessThan(all.size());
        var north =
                entries(get("/feeds/trials.atom?region=Region%20Nordjylland", "application/atom+xml;charset=UTF-8"));
        assertThat(north).isNotEmpty().hasSizeLessThan(all.size());

        web.get()
                .uri("/feeds/trials.atom?colour=blue")
                .exchange()
                .expectStatus()
                .isBadRequest();
        assertThat(get("/soeg?condition=cancer", "text/html"))
                .contains("rel=\"alternate\" type=\"application/atom+xml\"")
                .contains("/feeds/trials.atom?condition=cancer");
    }

    /** The entries' ids (the trials' page addresses) of a valid Atom 1.0 document. */
    private static List<String> entries(String xml) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        var document =
                factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        var feed = document.getDocumentElement();
        assertThat(feed.getNamespaceURI()).isEqualTo(ATOM);
        assertThat(feed.getLocalName()).isEqualTo("feed");
        for (var required : List.of("id", "title", "updated")) {
            assertThat(feed.getElementsByTagNameNS(ATOM, required).getLength())
                    .as(required)
                    .isPositive();
        }
        var ids = new ArrayList<String>();
        var entries = feed.getElementsByTagNameNS(ATOM, "entry");
        for (int i = 0; i < entries.getLength(); i++) {
            var entry = (Element) entries.item(i);
            for (var required : List.of("id", "title", "updated", "link")) {
                assertThat(entry.getElementsByTagNameNS(ATOM, required).getLength())
                        .as(required)
                        .isPositive();
            }
            ids.add(entry.getElementsByTagNameNS(ATOM, "id").item(0).getTextContent()
                    + " "
                    + entry.getElementsByTagNameNS(ATOM, "title").item(0).getTextContent());
        }
        return ids;
    }

    private String get(String uri, String contentType) {
        return web.get()
                .uri(java.net.URI.create("http://localhost:" + port + uri))
                .accept(MediaType.ALL)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentType(contentType)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }
}
