package dk.trialport.opendata;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of open data ({@code trialport.open-data.*}).
 *
 * @param directory where export files and the dump are written; shared by every instance (a network volume with
 *     several), since any instance may answer a download
 * @param exportJobsPerClient how many bulk exports one client address may run at once
 * @param exportJobs how many bulk exports may run at once in all
 * @param exportExpiry how long the files of a finished export can be downloaded
 * @param exportRetryAfter what a refused kick-off (429) and a status poll of a running job tell the client to wait
 * @param exportStaleAfter a running job whose instance has not written for this long has died and counts as failed
 * @param dumpSchedule when the public dump is written (a cron expression; nightly by default)
 */
@ConfigurationProperties("trialport.open-data")
public record OpenDataProperties(
        @DefaultValue("./var/open-data") Path directory,
        @DefaultValue("1") int exportJobsPerClient,
        @DefaultValue("4") int exportJobs,
        @DefaultValue("24h") Duration exportExpiry,
        @DefaultValue("30s") Duration exportRetryAfter,
        @DefaultValue("2m") Duration exportStaleAfter,
        @DefaultValue("0 30 2 * * *") String dumpSchedule) {}
