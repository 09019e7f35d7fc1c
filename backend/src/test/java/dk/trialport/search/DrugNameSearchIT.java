package dk.trialport.search;

import static dk.trialport.search.SearchTestSupport.search;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dk.trialport.catalogue.CatalogueStore;
import dk.trialport.catalogue.Outbox;
import dk.trialport.fhir.TrialportFhir.TrialIdentifier;
import dk.trialport.support.PersonBuilder;
import dk.trialport.support.TrialportIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * A drug named in a trial's Danish texts ("semaglutid") and English ones ("semaglutide") is found by either spelling,
 * whatever the reader's language and with or without the status filter: for a trial a hospital system published
 * through FHIR and for one an investigator published with the workspace form.
 */
@TrialportIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DrugNameSearchIT {

    @LocalServerPort
    int port;

    @Value("${trialport.identity.issuer}")
    String issuer;

    @Autowired
    ApplicationContext context;

    @Autowired
    Outbox outbox;

    @Autowired
    ElasticsearchClient elasticsearch;

    @Autowired
    CatalogueStore store;

    WebTestClient api;
    String fromFhir;
    String fromWorkspace;

    @BeforeAll
    void publishTrials() {
        var specs = SearchFixture.CATALOGUE.stream()
                .filter(spec -> List.of("t2d", "t1d", "colon").contains(spec.key()))
                .toList();
        SearchTestSupport.publish(port, issuer, specs);
        fromWorkspace = publishWithTheWorkspaceForm();
        SearchTestSupport.awaitIndexed(outbox, elasticsearch);
        api = SearchTestSupport.api(port);
        fromFhir = store.idsByIdentifier("ResearchStudy", TrialIdentifier.LOCAL_PROTOCOL, "SEARCH-t2d")
                .blockFirst();
    }

    static Stream<Arguments> spellingsLanguagesAndStatuses() {
        return Stream.of("semaglutid", "semaglutide", "Semaglutid", "ugentlig semaglutid", "weekly semaglutide")
                .flatMap(q -> Stream.of("da", "en")
                        .flatMap(lang -> Stream.of(
                                Arguments.of(q, lang, null),
                                Arguments.of(q, lang, "all"),
                                Arguments.of(q, lang, "recruiting"))));
    }

    @ParameterizedTest(name = "q={0} lang={1} status={2}")
    @MethodSource("spellingsLanguagesAndStatuses")
    void theDrugIsFoundByEitherSpelling(String q, String lang, String status) {
        var page = search(api, uri -> {
            uri.queryParam("q", q).queryParam("lang", lang);
            if (status != null) {
                uri.queryParam("status", status);
            }
        });

        assertThat(page.items())
                .extracting(SearchPage.Item::id)
                .as("only the two semaglutide trials")
                .containsExactlyInAnyOrder(fromFhir, fromWorkspace);
        assertThat(page.total()).isEqualTo(2);
        var workspaceTrial = page.items().stream()
                .filter(item -> item.id().equals(fromWorkspace))
                .findFirst()
                .orElseThrow();
        assertThat(workspaceTrial.title())
                .isEqualTo(
                        lang.equals("da")
                                ? "Ugentlig semaglutid ved type 2-diabetes"
                                : "Weekly semaglutide for type 2 diabetes");
    }

    /** The trial as the colleague made it: the workspace form, published at once; its id. */
    private String publishWithTheWorkspaceForm() {
        var investigator = WebTestClient.bindToApplicationContext(context)
                .apply(springSecurity())
                .configureClient()
                .responseTimeout(Duration.ofSeconds(30))
                .build()
                .mutateWith(PersonBuilder.investigator("inv-drug", "auh-endokrinologi")
                        .named("Investigator")
                        .login());
        var form = new LinkedMultiValueMap<String, String>();
        form.add("organization", "auh-endokrinologi");
        form.add("titleEn", "Weekly semaglutide in type 2 diabetes");
        form.add("layTitleDa", "Ugentlig semaglutid ved type 2-diabetes");
        form.add("layTitleEn", "Weekly semaglutide for type 2 diabetes");
        form.add("laySummaryDa", "Forsøget undersøger, om semaglutid en gang om ugen sænker blodsukkeret.");
        form.add("laySummaryEn", "The trial looks at whether semaglutide once a week lowers blood sugar.");
        form.add("conditions", "diabetes-mellitus");
        form.add("minAge", "18");
        form.add("maxAge", "75");
        form.add("healthy", "no");
        form.add("inclusion", "Type 2 diabetes for at least 1 year");
        form.add("exclusion", "Pregnancy");
        form.add("siteName", "Aarhus Universitetshospital, Steno Diabetes Center");
        form.add("siteLine", "Palle Juul-Jensens Boulevard 11");
        form.add("sitePostalCode", "8200");
        form.add("contactName", "Hanne Berg");
        form.add("contactPhone", "+45 35 45 00 00");
        form.add("contactEmail", "hanne@example.dk");
        form.add("action", "publish");
        var location = investigator
                .mutateWith(csrf())
                .post()
                .uri("/arbejdsrum/forsoeg/ny")
                .body(BodyInserters.fromFormData(form))
                .exchange()
                .expectStatus()
                .is3xxRedirection()
                .returnResult(String.class)
                .getResponseHeaders()
                .getLocation()
                .toString();
        assertThat(location).as("published").matches("/arbejdsrum/forsoeg/[^/?]+\\?offentliggjort");
        return location.substring("/arbejdsrum/forsoeg/".length(), location.indexOf('?'));
    }
}
