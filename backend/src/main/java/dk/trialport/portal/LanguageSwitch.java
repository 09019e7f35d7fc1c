package dk.trialport.portal;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseCookie;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.server.i18n.LocaleContextResolver;
import reactor.core.publisher.Mono;

/**
 * The page language: {@code ?lang=da|en} first, then the choice remembered in the
 * {@value #COOKIE} cookie, else Danish. The browser's Accept-Language is deliberately not used.
 * As a filter it remembers a {@code ?lang=} choice by setting the cookie.
 */
class LanguageSwitch implements LocaleContextResolver, WebFilter {

    static final String PARAMETER = "lang";
    static final String COOKIE = "trialport-lang";
    static final Locale DANISH = Locale.forLanguageTag("da");
    static final List<Locale> SUPPORTED = List.of(DANISH, Locale.ENGLISH);

    private static final Duration REMEMBER_FOR = Duration.ofDays(365);

    @Override
    public LocaleContext resolveLocaleContext(ServerWebExchange exchange) {
        var locale = fromParameter(exchange).or(() -> fromCookie(exchange)).orElse(DANISH);
        return new SimpleLocaleContext(locale);
    }

    @Override
    public void setLocaleContext(ServerWebExchange exchange, @Nullable LocaleContext localeContext) {
        var locale = localeContext == null ? null : supported(localeContext.getLocale());
        var cookie = ResponseCookie.from(COOKIE, locale == null ? "" : locale.getLanguage())
                .path("/")
                .httpOnly(true)
                .sameSite("Lax")
                .secure("https".equals(exchange.getRequest().getURI().getScheme()))
                .maxAge(locale == null ? Duration.ZERO : REMEMBER_FOR)
                .build();
        exchange.getResponse().addCookie(cookie);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var method = exchange.getRequest().getMethod();
        if (HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method)) {
            fromParameter(exchange).ifPresent(locale -> setLocaleContext(exchange, new SimpleLocaleContext(locale)));
        }
        return chain.filter(exchange);
    }

    private static Optional<Locale> fromParameter(ServerWebExchange exchange) {
        return Optional.ofNullable(exchange.getRequest().getQueryParams().getFirst(PARAMETER))
                .map(LanguageSwitch::parse);
    }

    private static Optional<Locale> fromCookie(ServerWebExchange exchange) {
        return Optional.ofNullable(exchange.getRequest().getCookies().getFirst(COOKIE))
                .map(HttpCookie::getValue)
                .map(LanguageSwitch::parse);
    }

    private static @Nullable Locale parse(String tag) {
        return supported(Locale.forLanguageTag(tag.strip()));
    }

    private static @Nullable Locale supported(@Nullable Locale locale) {
        if (locale == null) {
            return null;
        }
        return SUPPORTED.stream()
                .filter(s -> s.getLanguage().equals(locale.getLanguage()))
                .findFirst()
                .orElse(null);
    }
}
