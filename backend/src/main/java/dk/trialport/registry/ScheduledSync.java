package dk.trialport.registry;

import java.time.Instant;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Syncs ClinicalTrials.gov, then CTIS, on a schedule ({@code trialport.registry.sync.schedule}, a cron expression;
 * off by default), each from where its last complete run began; on one instance at a time (the sync's lock).
 */
@Component
class ScheduledSync {

    private final ImportJobs jobs;

    ScheduledSync(ImportJobs jobs) {
        this.jobs = jobs;
    }

    @Scheduled(cron = "${trialport.registry.sync.schedule:-}")
    void syncAll() {
        for (var source : RegistrySource.values()) {
            jobs.runSync(source, null, Instant.now());
        }
    }
}
