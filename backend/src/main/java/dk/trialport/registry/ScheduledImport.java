package dk.trialport.registry;

import dk.trialport.platform.Singletons;
import java.nio.file.Path;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Imports the configured registry exports on a schedule ({@code trialport.import.schedule}, a cron
 * expression; off by default): ClinicalTrials.gov as full imports, so trials dropped upstream are marked,
 * then CTIS. With several instances it runs on one ({@link Singletons}: a PostgreSQL advisory lock).
 */
@Component
class ScheduledImport {

    static final String NAME = "scheduled-registry-import";
    private static final Logger log = LoggerFactory.getLogger(ScheduledImport.class);

    private final ImportJobs jobs;
    private final ImportProperties properties;
    private final Singletons singletons;

    ScheduledImport(ImportJobs jobs, ImportProperties properties, Singletons singletons) {
        this.jobs = jobs;
        this.properties = properties;
        this.singletons = singletons;
    }

    /** On one instance only: the others skip this turn while it runs. */
    @Scheduled(cron = "${trialport.import.schedule:-}")
    void importAll() {
        if (!singletons.runAlone(NAME, this::importEverything)) {
            log.info("The scheduled import runs on another instance; this one skips its turn");
        }
    }

    private void importEverything() {
        for (var source : properties.ctgov()) {
            jobs.run(Path.of(source), ImportFormat.of(null, Path.of(source)), true, Instant.now());
        }
        for (var source : properties.ctis()) {
            jobs.run(Path.of(source), ImportFormat.CTIS, false, Instant.now());
        }
    }
}
