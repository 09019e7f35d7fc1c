package dk.trialport.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the demo catalogue ({@code trialport.demo.*}).
 *
 * @param enabled fill an empty catalogue with demo trials at start (development default; off in production)
 * @param trials how many trials
 * @param seed the same seed gives the same trials
 * @param registryData a directory of real registry records laid out as {@code ../shared/data} is ({@code ctgov/*.json},
 *     {@code nordic/ctgov_nordic_aact_sample.csv}); when it exists, its Danish trials join the demo catalogue once,
 *     through the registry import (the run command names {@code ../shared/data}; empty: none)
 */
@ConfigurationProperties("trialport.demo")
public record DemoProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("60") int trials,
        @DefaultValue("2026") long seed,
        @DefaultValue("") String registryData) {}
