package dk.trialport.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo settings recruitment reads ({@code trialport.demo.*}, shared with the demo catalogue).
 *
 * @param enabled fill an empty volunteer registry with demo profiles at start (development; off in production)
 * @param volunteers how many people with an interest profile
 * @param seed the same seed gives the same people
 */
@ConfigurationProperties("trialport.demo")
public record DemoVolunteerProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("500") int volunteers,
        @DefaultValue("2026") long seed) {}
