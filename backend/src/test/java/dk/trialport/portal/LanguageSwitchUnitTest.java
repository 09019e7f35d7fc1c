package dk.trialport.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpCookie;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Mono;

class LanguageSwitchUnitTest {

    private final LanguageSwitch languageSwitch = new LanguageSwitch();

    @Test
    void parameterWinsOverCookieAndRegionsAreIgnored() {
        var exchange = MockServerWebExchange.from(
                MockServerHttpRequest.get("/?lang=en-GB").cookie(new HttpCookie(LanguageSwitch.COOKIE, "da")));

        assertThat(languageSwitch.resolveLocaleContext(exchange).getLocale()).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void garbledCookieFallsBackToDanish() {
        var exchange = MockServerWebExchange.from(
                MockServerHttpRequest.get("/").cookie(new HttpCookie(LanguageSwitch.COOKIE, "<script>")));

        assertThat(languageSwitch.resolveLocaleContext(exchange).getLocale()).isEqualTo(LanguageSwitch.DANISH);
    }

    @Test
    void cookieIsSecureOverHttps() {
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.get("https://trialport.example/?lang=en"));

        languageSwitch.filter(exchange, ignored -> Mono.empty()).block();

        var cookie = exchange.getResponse().getCookies().getFirst(LanguageSwitch.COOKIE);
        assertThat(cookie).isNotNull();
        assertThat(cookie.getValue()).isEqualTo("en");
        assertThat(cookie.isSecure()).isTrue();
    }

    @Test
    void choiceIsOnlyRememberedForPageReads() {
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/?lang=en"));

        languageSwitch.filter(exchange, ignored -> Mono.empty()).block();

        assertThat(exchange.getResponse().getCookies()).doesNotContainKey(LanguageSwitch.COOKIE);
    }

    @Test
    void clearingTheChoiceExpiresTheCookie() {
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/"));

        languageSwitch.setLocaleContext(exchange, null);

        var cookie = exchange.getResponse().getCookies().getFirst(LanguageSwitch.COOKIE);
        assertThat(cookie).isNotNull();
        assertThat(cookie.getMaxAge()).isZero();
    }
}
