package dk.trialport.fhir;

import ca.uhn.fhir.context.FhirContext;
import java.util.List;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import reactor.netty.NettyPipeline;

/**
 * Requests refused before any handler runs, answered as OperationOutcomes under {@code /fhir}: by Netty (a request line or headers too
 * long: 414 and 431; the security firewall's refusals are identity's {@code RefusedRequests}'); and a raw {@code |} in a query string (FHIR's token separator) accepted.
 */
@Configuration(proxyBeanMethods = false)
class FhirWebConfiguration {

    @Bean
    NettyServerCustomizer fhirRequestLines(FhirContext context) {
        return server -> server.doOnChannelInit((observer, channel, address) -> {
            var pipeline = channel.pipeline();
            if (pipeline.get(NettyPipeline.HttpCodec) != null) {
                pipeline.addAfter(
                        NettyPipeline.HttpCodec,
                        "trialport.requestLine",
                        new RequestLineGuard(outcome -> context.newJsonParser()
                                .encodeResourceToString(FhirResponses.outcomeOf(
                                        new FhirProblem(outcome.status(), "too-costly", outcome.message(), null)))));
            }
        });
    }

    /** The statuses and messages {@link RequestLineGuard} answers with. */
    record Refusal(HttpStatus status, String message) {

        static final List<Refusal> ALL = List.of(
                new Refusal(
                        HttpStatus.URI_TOO_LONG,
                        "The request URL is too long; send long searches as POST [type]/_search"),
                new Refusal(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "The request headers are too large"));
    }
}
