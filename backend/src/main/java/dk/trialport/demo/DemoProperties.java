package dk.trialport.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the demo catalogue ({@code trialport.demo.*}).
 *
 * @param enabled fill an empty catalogue with demo trials at start (development default; off in production)
 * @param trials how many trials
 * @param seed the same seed gives the same trials
 */
@ConfigurationProperties("trialport.demo")
public record DemoProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("60") int trials,
        @DefaultValue("2026") long seed) {}
