package dk.trialport.registry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Runs one import at a time in the background and keeps how far it is and what it did. */
@Component
public class ImportJobs {

    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

    private final RegistryImport importer;
    private final AtomicReference<Status> status = new AtomicReference<>(Status.idle());

    ImportJobs(RegistryImport importer) {
        this.importer = importer;
    }

    /**
     * An import's state.
     *
     * @param state idle, running, done or failed
     */
    public record Status(
            String state,
            String source,
            long done,
            long total,
            Instant started,
            Instant finished,
            ImportSummary summary,
            String error) {

        static Status idle() {
            return new Status("idle", null, 0, 0, null, null, null, null);
        }
    }

    public Status status() {
        return status.get();
    }

    /**
     * Starts an import unless one runs; returns its status. The format is {@code format} ({@code ctgov},
     * {@code aact}, {@code ctis}) or, when that is null, told by the content: a {@code .csv} file is an AACT
     * studies extract, JSON records with a {@code ctNumber} are CTIS, other JSON is ClinicalTrials.gov API v2.
     */
    public synchronized Status start(Path path, String format, boolean full) {
        if ("running".equals(status.get().state())) {
            return status.get();
        }
        if (!Files.exists(path)) {
            throw new IllegalArgumentException("Nothing to import at " + path);
        }
        var chosen = ImportFormat.of(format, path);
        var started = Instant.now();
        status.set(new Status("running", path.toString(), 0, 0, started, null, null, null));
        Thread.ofPlatform().name("registry-import").start(() -> run(path, chosen, full, started));
        return status.get();
    }

    /** Runs an import in the calling thread (the scheduled job and tests). */
    public ImportSummary run(Path path, ImportFormat format, boolean full, Instant started) {
        try {
            RegistryImport.Progress progress = (done, total) ->
                    status.set(new Status("running", path.toString(), done, total, started, null, null, null));
            var summary = switch (format) {
                case AACT -> importer.importAact(path, progress);
                case CTIS -> importer.importCtis(path, progress);
                case CTGOV -> importer.importCtgov(path, full, progress);
            };
            var last = status.get();
            status.set(new Status(
                    "done", path.toString(), last.done(), last.total(), started, Instant.now(), summary, null));
            return summary;
        } catch (RuntimeException e) {
            log.error("Import of {} failed", path, e);
            var last = status.get();
            status.set(new Status(
                    "failed",
                    path.toString(),
                    last.done(),
                    last.total(),
                    started,
                    Instant.now(),
                    null,
                    e.getMessage()));
            return null;
        }
    }
}
