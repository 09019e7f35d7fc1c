package dk.trialport.registry;

import java.nio.file.Path;
import java.time.Instant;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Imports the configured registry exports on a schedule ({@code trialport.import.schedule}, a cron
 * expression; off by default): ClinicalTrials.gov as full imports, so trials dropped upstream are marked,
 * then CTIS.
 */
@Component
class ScheduledImport {

    private final ImportJobs jobs;
    private final ImportProperties properties;

    ScheduledImport(ImportJobs jobs, ImportProperties properties) {
        this.jobs = jobs;
        this.properties = properties;
    }

    @Scheduled(cron = "${trialport.import.schedule:-}")
    void importAll() {
        for (var source : properties.ctgov()) {
            jobs.run(Path.of(source), ImportFormat.of(null, Path.of(source)), true, Instant.now());
        }
        for (var source : properties.ctis()) {
            jobs.run(Path.of(source), ImportFormat.CTIS, false, Instant.now());
        }
    }
}
