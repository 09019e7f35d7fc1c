package dk.trialport.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

/** Only the pages an installation lists may be framed, and only by the EHR origins it names. */
class PageHeadersTest {

    private static final FramedPages NOBODY = new FramedPages(List.of("/klinik/**"), List.of());
    private static final FramedPages EHR = new FramedPages(List.of("/klinik/**"), List.of("https://ehr.example.dk"));

    @Test
    void withNoEhrListedNoPageMayBeFramed() {
        for (var path : List.of("/", "/klinik", "/klinik/forsoeg/abc")) {
            var headers = headers(NOBODY, path);
            assertThat(headers.getFirst("Content-Security-Policy")).endsWith("frame-ancestors 'none'");
            assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("DENY");
        }
    }

    @Test
    void theListedEhrMayFrameTheClinicianAppAndNothingElse() {
        var app = headers(EHR, "/klinik/forsoeg/abc");
        assertThat(app.getFirst("Content-Security-Policy"))
                .startsWith("default-src 'self';")
                .endsWith("frame-ancestors 'self' https://ehr.example.dk");
        assertThat(app.containsHeader("X-Frame-Options")).isFalse();

        for (var path : List.of("/", "/min-side", "/arbejdsrum", "/klinikker")) {
            var page = headers(EHR, path);
            assertThat(page.getFirst("Content-Security-Policy")).endsWith("frame-ancestors 'none'");
            assertThat(page.getFirst("X-Frame-Options")).isEqualTo("DENY");
        }
    }

    private static HttpHeaders headers(FramedPages framing, String path) {
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.get(path));
        new PageHeaders(framing).writeHttpHeaders(exchange).block();
        return exchange.getResponse().getHeaders();
    }
}
