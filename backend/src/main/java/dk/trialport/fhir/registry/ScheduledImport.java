package dk.trialport.fhir.registry;

import java.nio.file.Path;
import java.time.Instant;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Imports the configured registry exports on a schedule ({@code trialport.import.schedule}, a cron
 * expression; off by default), as full imports, so trials dropped upstream are marked.
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
      jobs.run(Path.of(source), true, Instant.now());
    }
  }
}
