package dk.trialport.registry;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the registry import ({@code trialport.import.*}).
 *
 * @param schedule a cron expression for the scheduled import, or {@code -} for none
 * @param ctgov files or directories of ClinicalTrials.gov API v2 records the scheduled import reads
 * @param ctis files or directories of CTIS records (docs/import-formats.md) the scheduled import reads
 */
@ConfigurationProperties("trialport.import")
public record ImportProperties(
        @DefaultValue("-") String schedule,
        @DefaultValue List<String> ctgov,
        @DefaultValue List<String> ctis) {}
