package dk.trialport.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

@PageTest
class AccessibilityPageTest {

    @Autowired
    WebTestClient client;

    @Test
    void statementInDanish() {
        var html = Pages.get(client, "/tilgaengelighed");

        assertThat(html)
                .contains("<html lang=\"da\">")
                .contains("<h1>Tilgængelighedserklæring</h1>")
                .contains("WCAG 2.1")
                .contains("axe-core")
                .contains("<h2>Kendte mangler</h2>")
                .contains("href=\"mailto:kontakt@trialport.dk\"")
                .contains("Digitaliseringsstyrelsen");
        Pages.assertLayout(html);
    }

    @Test
    void statementInEnglish() {
        var html = Pages.get(client, "/tilgaengelighed?lang=en");

        assertThat(html)
                .contains("<html lang=\"en\">")
                .contains("<h1>Accessibility statement</h1>")
                .contains("<h2>Known gaps</h2>")
                .contains("Agency for Digital Government");
        Pages.assertLayout(html);
    }

    @Test
    void footerLinksToTheStatement() {
        assertThat(Pages.get(client, "/")).contains("<a href=\"/tilgaengelighed\">Tilgængelighedserklæring</a>");
    }
}
