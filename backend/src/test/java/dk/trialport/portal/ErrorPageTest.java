package dk.trialport.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;

@PageTest
@Import(ErrorPageTest.Failing.class)
class ErrorPageTest {

    @Autowired
    WebTestClient client;

    @Test
    void unknownPageGivesTheDanishNotFoundPage() {
        var html = client.get()
                .uri("/findes-ikke")
                .accept(MediaType.TEXT_HTML)
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(html)
                .contains("<html lang=\"da\">")
                .contains("<title>Siden findes ikke – Trialport</title>")
                .contains("<h1>Siden findes ikke</h1>")
                .contains("Fejlkode 404");
        Pages.assertLayout(html);
    }

    @Test
    void notFoundPageFollowsTheChosenLanguage() {
        client.get()
                .uri("/findes-ikke")
                .cookie(LanguageSwitch.COOKIE, "en")
                .accept(MediaType.TEXT_HTML)
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody(String.class)
                .value(html -> assertThat(html)
                        .contains("<html lang=\"en\">")
                        .contains("<h1>Page not found</h1>")
                        .contains("Error code 404"));
    }

    @Test
    void failureGivesTheServerErrorPageWithoutDetails() {
        client.get()
                .uri("/test/fails")
                .accept(MediaType.TEXT_HTML)
                .exchange()
                .expectStatus()
                .isEqualTo(500)
                .expectBody(String.class)
                .value(html -> {
                    assertThat(html)
                            .contains("<html lang=\"da\">")
                            .contains("<h1>Der er sket en fejl hos os</h1>")
                            .contains("Fejlkode 500")
                            .doesNotContain(Failing.SECRET)
                            .doesNotContain("IllegalStateException");
                    Pages.assertLayout(html);
                });
    }

    @Controller
    static class Failing {

        static final String SECRET = "internal detail 42";

        @GetMapping("/test/fails")
        String fail() {
            throw new IllegalStateException(SECRET);
        }
    }
}
