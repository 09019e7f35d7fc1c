package dk.trialport.idp;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/** Beans of the authorization server: clients, users, issuer settings and the signing key. */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfig {

    @Bean
    RegisteredClientRepository registeredClientRepository(IdpProperties properties) {
        List<RegisteredClient> clients =
                properties.clients().stream().map(RegisteredClients::from).toList();
        return new InMemoryRegisteredClientRepository(clients);
    }

    @Bean
    UserDetailsService userDetailsService(IdpProperties properties) {
        List<UserDetails> users = properties.users().stream()
                .map((user) -> User.withUsername(user.username())
                        .password(Passwords.encoded(user.password()))
                        .roles(user.roles().toArray(String[]::new))
                        .build())
                .toList();
        return new InMemoryUserDetailsManager(users);
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(IdpProperties properties) {
        AuthorizationServerSettings.Builder settings = AuthorizationServerSettings.builder();
        properties.configuredIssuer().ifPresent(settings::issuer);
        return settings.build();
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(IdpProperties properties) {
        return new ImmutableJWKSet<>(new JWKSet(SigningKeys.load(properties.keyFile())));
    }
}
