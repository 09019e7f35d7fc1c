package dk.trialport.platform;

import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ThreadLocalAccessor;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * Gives every request an id, in the log of everything done for it ({@code requestId} in the MDC, so in the
 * {@code [..]} of a plain log line and a field of a structured one) and in the {@value #HEADER} response header. A
 * caller's own {@value #HEADER} (letters, digits, {@code . _ -}, up to 64) is kept, so a load balancer's id carries
 * through; otherwise the server's id of the request is used. Reactor's automatic context propagation
 * ({@code spring.reactor.context-propagation=auto}) restores it on whatever thread a step of the request runs.
 */
@Component
class RequestIds implements WebFilter, Ordered {

    static final String HEADER = "X-Request-Id";
    static final String MDC_KEY = "requestId";
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    RequestIds() {
        ContextRegistry.getInstance().registerThreadLocalAccessor(new MdcAccessor());
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var given = exchange.getRequest().getHeaders().getFirst(HEADER);
        var id = given != null && VALID.matcher(given).matches()
                ? given
                : exchange.getRequest().getId();
        exchange.getResponse().getHeaders().set(HEADER, id);
        return chain.filter(exchange).contextWrite(Context.of(MDC_KEY, id));
    }

    /** First, so the security filters' log lines carry the id too. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    /** The request id between Reactor's context and the logging MDC. */
    private static final class MdcAccessor implements ThreadLocalAccessor<String> {

        @Override
        public Object key() {
            return MDC_KEY;
        }

        @Override
        public String getValue() {
            return MDC.get(MDC_KEY);
        }

        @Override
        public void setValue(String value) {
            MDC.put(MDC_KEY, value);
        }

        @Override
        public void setValue() {
            MDC.remove(MDC_KEY);
        }
    }
}
