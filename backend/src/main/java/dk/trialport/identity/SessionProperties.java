package dk.trialport.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The pages' login sessions ({@code trialport.sessions.*}), kept in PostgreSQL and shared by every instance.
 *
 * @param timeout how long a session lasts without a request
 * @param cleanupInterval how often each instance deletes expired sessions
 */
@ConfigurationProperties("trialport.sessions")
public record SessionProperties(
        @DefaultValue("30m") Duration timeout,
        @DefaultValue("5m") Duration cleanupInterval) {}
