package dk.trialport.identity;

import static org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers.pathMatchers;

import org.springframework.security.web.server.header.ServerHttpHeadersWriter;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The content security policy of the pages: they load only their own scripts, styles and images, and may not be
 * framed, except the {@link FramedPages} by the origins listed there ({@code frame-ancestors}; no {@code
 * X-Frame-Options}, which cannot name an origin).
 */
final class PageHeaders implements ServerHttpHeadersWriter {

    static final String POLICY =
            "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; ";

    private final FramedPages framing;
    private final ServerWebExchangeMatcher framed;

    PageHeaders(FramedPages framing) {
        this.framing = framing;
        this.framed = pathMatchers(framing.paths().toArray(String[]::new));
    }

    @Override
    public Mono<Void> writeHttpHeaders(ServerWebExchange exchange) {
        return framed.matches(exchange)
                .doOnNext(match -> {
                    var headers = exchange.getResponse().getHeaders();
                    if (match.isMatch() && !framing.ancestors().isEmpty()) {
                        headers.set("Content-Security-Policy", POLICY + "frame-ancestors " + framing.frameAncestors());
                    } else {
                        headers.set("Content-Security-Policy", POLICY + "frame-ancestors 'none'");
                        headers.set("X-Frame-Options", "DENY");
                    }
                })
                .then();
    }
}
