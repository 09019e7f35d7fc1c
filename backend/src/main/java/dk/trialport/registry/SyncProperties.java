package dk.trialport.registry;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the live registry sync ({@code trialport.registry.sync.*}, docs/registry-sync.md).
 *
 * @param schedule a cron expression for the scheduled sync (ClinicalTrials.gov, then CTIS), or {@code -} for none
 * @param ctgov the ClinicalTrials.gov API v2
 * @param ctis the public CTIS API
 * @param retry how failed requests (5xx, no answer, 429) are tried again
 * @param timeout how long one request may take
 * @param maxResponse the largest answer read (a ClinicalTrials.gov page of 1,000 studies is tens of megabytes)
 */
@ConfigurationProperties("trialport.registry.sync")
public record SyncProperties(
        @DefaultValue("-") String schedule,
        @DefaultValue Ctgov ctgov,
        @DefaultValue Ctis ctis,
        @DefaultValue Retry retry,
        @DefaultValue("2m") Duration timeout,
        @DefaultValue("128MB") DataSize maxResponse) {

    /**
     * @param baseUrl where the API is ({@code {base}/api/v2/studies})
     * @param location the {@code query.locn} that selects trials with a site there
     * @param pageSize studies per page (the API's largest is 1,000)
     * @param requestsPerMinute at most this many requests a minute (the API's documented limit is about 50)
     */
    public record Ctgov(
            @DefaultValue("https://clinicaltrials.gov") URI baseUrl,
            @DefaultValue("Denmark") String location,
            @DefaultValue("1000") int pageSize,
            @DefaultValue("50") int requestsPerMinute) {}

    /**
     * @param baseUrl where the API is ({@code {base}/ctis-public-api/search} and {@code …/retrieve/{ctNumber}})
     * @param memberStates CTIS's numeric codes of the member states concerned to search for ({@code msc}); empty:
     *     every trial, and those without a Danish site are skipped after they are read
     * @param pageSize trials per search page
     * @param requestsPerMinute at most this many requests a minute (one search page, then one per trial)
     */
    public record Ctis(
            @DefaultValue("https://euclinicaltrials.eu") URI baseUrl,
            @DefaultValue List<Integer> memberStates,
            @DefaultValue("100") int pageSize,
            @DefaultValue("50") int requestsPerMinute) {}

    /**
     * @param maxRetries how many times a request is tried again before the sync stops (it resumes from the last
     *     committed page next time)
     * @param firstBackoff the wait before the first retry, doubled after each
     * @param maxBackoff the longest wait, also for a {@code Retry-After} that asks for more
     */
    public record Retry(
            @DefaultValue("5") int maxRetries,
            @DefaultValue("2s") Duration firstBackoff,
            @DefaultValue("5m") Duration maxBackoff) {}
}
