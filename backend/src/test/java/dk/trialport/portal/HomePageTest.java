package dk.trialport.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

@PageTest
class HomePageTest {

    @Autowired
    WebTestClient client;

    @Test
    void frontPageIsDanishWithTheSearchForm() {
        var html = Pages.get(client, "/");

        assertThat(html)
                .contains("<html lang=\"da\">")
                .contains("<title>Find et klinisk forsøg – Trialport</title>")
                .contains("<h1>Find et klinisk forsøg</h1>")
                .containsPattern("<form [^>]*role=\"search\"[^>]*method=\"get\"[^>]*action=\"/soeg\"")
                .contains("<label class=\"form-label\" for=\"q\">Søg efter forsøg</label>")
                .containsPattern("<input [^>]*id=\"q\" name=\"q\"")
                .contains("<button class=\"button button--primary\" type=\"submit\">Søg</button>")
                .contains("<h2 id=\"about-heading\">Hvad er Trialport?</h2>")
                .contains("<h2 id=\"steps-heading\">Sådan foregår det at deltage i et forsøg</h2>");
        Pages.assertLayout(html);
    }

    @Test
    void frontPageLinksPopularDiseaseAreasToTheSearch() {
        var html = Pages.get(client, "/");

        assertThat(html)
                .contains("<h2 id=\"conditions-heading\">Populære sygdomsområder</h2>")
                .contains("<a href=\"/soeg?condition=cancer\">Kræft</a>")
                .contains("<a href=\"/soeg?condition=diabetes\">Diabetes og hormonsygdomme</a>")
                .contains("<a href=\"/soeg?condition=cardiovascular\">Hjerte og kredsløb</a>")
                .contains("<a href=\"/soeg?condition=arthritis\">Gigt, knogler og muskler</a>")
                .contains("<a href=\"/soeg?condition=psychiatry\">Psykisk sygdom</a>")
                .contains("<a href=\"/soeg?condition=lung\">Lunger og luftveje</a>")
                .contains("<a href=\"/soeg?condition=neurology\">Hjerne og nerver</a>")
                .contains("<a href=\"/soeg?condition=rare-diseases\">Sjældne sygdomme</a>");
    }

    @Test
    void headingsComeInOrder() {
        var levels = Pages.headingLevels(Pages.get(client, "/"));

        assertThat(levels).startsWith(1);
        assertThat(levels).filteredOn(level -> level == 1).hasSize(1);
        for (int i = 1; i < levels.size(); i++) {
            assertThat(levels.get(i))
                    .as("heading %d after level %d", i, levels.get(i - 1))
                    .isLessThanOrEqualTo(levels.get(i - 1) + 1);
        }
    }

    @Test
    void stylesheetIsServed() {
        client.get()
                .uri("/css/trialport.css")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith("text/css")
                .expectBody(String.class)
                .value(css -> assertThat(css).contains("#0059b3", ":focus-visible"));
    }
}
