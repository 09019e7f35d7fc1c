package dk.trialport.identity;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.session.config.annotation.web.server.EnableSpringWebSession;

/**
 * The pages' {@code WebSession} is Spring Session's, kept in PostgreSQL by {@link PostgresSessions} instead of one
 * process's memory: a person logged in on one instance is logged in on every other, and the CSRF token in the
 * session is the same whichever instance checks it. The session cookie is Boot's ({@code server.reactive.session.cookie.*}).
 */
@Configuration(proxyBeanMethods = false)
@EnableSpringWebSession
class SessionConfiguration {

    @Bean
    PostgresSessions sessionRepository(DatabaseClient database, SessionProperties properties, Clock clock) {
        return new PostgresSessions(database, properties.timeout(), clock);
    }

    /**
     * The tokens of a person's portal login live in their session (and go with it at logout or expiry), not in a map
     * in one instance's memory that would grow with every login.
     */
    @Bean
    ServerOAuth2AuthorizedClientRepository authorizedClients() {
        return new WebSessionServerOAuth2AuthorizedClientRepository();
    }
}
