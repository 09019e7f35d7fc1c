package dk.trialport.idp;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the identity provider under {@code trialport.idp}: issuer, signing key file, demo
 * users and clients.
 *
 * @param issuer the issuer URL; blank means resolved from the request ({@code http://localhost:<port>})
 * @param keyFile where the RSA signing key (a JWK) is kept across restarts; blank means in memory only
 * @param allowAnyLoopbackPort whether {@code localhost}/loopback redirect URIs may use any port
 * @param users the demo users
 * @param clients the registered clients
 */
@ConfigurationProperties("trialport.idp")
public record IdpProperties(
        @Nullable String issuer,
        @Nullable String keyFile,
        @DefaultValue("true") boolean allowAnyLoopbackPort,
        @DefaultValue List<DemoUser> users,
        @DefaultValue List<DemoClient> clients) {

    public IdpProperties {
        users = (users != null) ? List.copyOf(users) : List.of();
        clients = (clients != null) ? List.copyOf(clients) : List.of();
    }

    /** The issuer if one is configured. */
    public Optional<String> configuredIssuer() {
        return Optional.ofNullable(this.issuer).filter((value) -> !value.isBlank());
    }

    /** The demo user with this username, if any. */
    public Optional<DemoUser> user(String username) {
        return this.users.stream()
                .filter((user) -> user.username().equals(username))
                .findFirst();
    }

    /** The client with this client id, if any. */
    public Optional<DemoClient> client(String clientId) {
        return this.clients.stream()
                .filter((client) -> client.clientId().equals(clientId))
                .findFirst();
    }
}
