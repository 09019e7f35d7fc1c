package dk.trialport.platform;

import dk.trialport.identity.IdentityProperties;
import java.time.Duration;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/** The OpenID Connect provider whose tokens the application trusts publishes its configuration. */
@Component("identityProvider")
class IdentityProviderHealthIndicator extends AbstractReactiveHealthIndicator {

    private final WebClient webClient;
    private final String issuer;

    IdentityProviderHealthIndicator(WebClient.Builder webClients, IdentityProperties identity) {
        super("Identity provider health check failed");
        this.webClient = webClients.build();
        this.issuer = identity.issuer();
    }

    @Override
    protected Mono<Health> doHealthCheck(Health.Builder builder) {
        return webClient
                .get()
                .uri(issuer + "/.well-known/openid-configuration")
                .retrieve()
                .toBodilessEntity()
                .timeout(Duration.ofSeconds(5))
                .map(response -> builder.up().withDetail("issuer", issuer).build())
                // Down is an answer, not a failure to log: Boot would log a stack trace at every health call.
                .onErrorResume(e -> Mono.just(
                        builder.down().withDetail("error", e.toString()).build()));
    }
}
