package dk.trialport.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

@PageTest
class LanguageSwitchTest {

    @Autowired
    WebTestClient client;

    @Test
    void langParameterSwitchesToEnglishAndRemembersIt() {
        var result = client.get().uri("/?lang=en").exchange();

        result.expectStatus()
                .isOk()
                .expectCookie()
                .valueEquals(LanguageSwitch.COOKIE, "en")
                .expectCookie()
                .path(LanguageSwitch.COOKIE, "/")
                .expectCookie()
                .httpOnly(LanguageSwitch.COOKIE, true)
                .expectCookie()
                .sameSite(LanguageSwitch.COOKIE, "Lax")
                .expectCookie()
                .maxAge(LanguageSwitch.COOKIE, Duration.ofDays(365));
        var html = result.expectBody(String.class).returnResult().getResponseBody();
        assertThat(html)
                .contains("<html lang=\"en\">")
                .contains("<h1>Find a clinical trial</h1>")
                .contains("<label class=\"form-label\" for=\"q\">Search for trials</label>")
                .contains("<a href=\"/soeg?condition=cancer\">Cancer</a>")
                .contains("Skip to content");
        Pages.assertLayout(html);
    }

    @Test
    void cookieKeepsTheChoiceOnTheNextRequest() {
        var html = Pages.get(
                client.mutate().defaultCookie(LanguageSwitch.COOKIE, "en").build(), "/");

        assertThat(html).contains("<html lang=\"en\">").contains("<h1>Find a clinical trial</h1>");
    }

    @Test
    void langParameterSwitchesBackToDanish() {
        client.get()
                .uri("/?lang=da")
                .cookie(LanguageSwitch.COOKIE, "en")
                .exchange()
                .expectStatus()
                .isOk()
                .expectCookie()
                .valueEquals(LanguageSwitch.COOKIE, "da")
                .expectBody(String.class)
                .value(html ->
                        assertThat(html).contains("<html lang=\"da\">").contains("<h1>Find et klinisk forsøg</h1>"));
    }

    @Test
    void currentLanguageIsMarkedInTheSwitch() {
        assertThat(Pages.get(client, "/"))
                .containsPattern("<a href=\"\\?lang=da\" hreflang=\"da\" lang=\"da\" aria-current=\"true\">Dansk</a>")
                .containsPattern("<a href=\"\\?lang=en\" hreflang=\"en\" lang=\"en\">English</a>");
    }

    @Test
    void browserLanguageDoesNotOverrideDanish() {
        client.get()
                .uri("/")
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en-GB,en;q=0.9")
                .exchange()
                .expectStatus()
                .isOk()
                .expectCookie()
                .doesNotExist(LanguageSwitch.COOKIE)
                .expectBody(String.class)
                .value(html -> assertThat(html).contains("<html lang=\"da\">"));
    }

    @Test
    void unsupportedLanguageIsIgnored() {
        client.get()
                .uri("/?lang=fr")
                .exchange()
                .expectStatus()
                .isOk()
                .expectCookie()
                .doesNotExist(LanguageSwitch.COOKIE)
                .expectBody(String.class)
                .value(html -> assertThat(html).contains("<html lang=\"da\">"));
    }
}
