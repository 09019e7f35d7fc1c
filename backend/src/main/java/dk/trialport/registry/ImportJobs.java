package dk.trialport.registry;

import dk.trialport.platform.Singletons;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Runs one import or live sync at a time in the background and keeps how far it is and what it did. */
@Component
public class ImportJobs {

    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

    /** The lock every live sync runs under, on whichever instance: one sync at a time. */
    static final String SYNC_LOCK = "registry-sync";

    private final RegistryImport importer;
    private final RegistrySync sync;
    private final Singletons singletons;
    private final AtomicReference<Status> status = new AtomicReference<>(Status.idle());

    ImportJobs(RegistryImport importer, RegistrySync sync, Singletons singletons) {
        this.importer = importer;
        this.sync = sync;
        this.singletons = singletons;
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
        return track(path.toString(), started, progress -> switch (format) {
            case AACT -> importer.importAact(path, progress);
            case CTIS -> importer.importCtis(path, progress);
            case CTGOV -> importer.importCtgov(path, full, progress);
        });
    }

    /**
     * Starts a live sync of {@code source} unless an import or sync runs here; returns its status. With several
     * instances only one syncs at a time ({@link Singletons}); another one's request ends as failed, saying so.
     */
    public synchronized Status startSync(RegistrySource source, LocalDate since) {
        if ("running".equals(status.get().state())) {
            return status.get();
        }
        var started = Instant.now();
        status.set(new Status("running", syncLabel(source), 0, 0, started, null, null, null));
        Thread.ofPlatform().name("registry-sync").start(() -> runSync(source, since, started));
        return status.get();
    }

    /** Runs a live sync in the calling thread under the sync's lock; null when it failed or another instance syncs. */
    ImportSummary runSync(RegistrySource source, LocalDate since, Instant started) {
        var summary = new AtomicReference<ImportSummary>();
        if (!singletons.runAlone(
                SYNC_LOCK,
                () -> summary.set(track(syncLabel(source), started, progress -> sync.sync(source, since, progress))))) {
            log.info("A registry sync runs on another instance; this one does not start one");
            status.set(new Status(
                    "failed",
                    syncLabel(source),
                    0,
                    0,
                    started,
                    Instant.now(),
                    null,
                    "A registry sync runs on another instance"));
        }
        return summary.get();
    }

    private static String syncLabel(RegistrySource source) {
        return source.display() + " API";
    }

    /** Runs {@code work}, keeping its progress and outcome in the status; null when it failed. */
    private ImportSummary track(String label, Instant started, Function<RegistryImport.Progress, ImportSummary> work) {
        try {
            RegistryImport.Progress progress =
                    (done, total) -> status.set(new Status("running", label, done, total, started, null, null, null));
            var summary = work.apply(progress);
            var last = status.get();
            status.set(new Status("done", label, last.done(), last.total(), started, Instant.now(), summary, null));
            return summary;
        } catch (RuntimeException e) {
            log.error("Import of {} failed", label, e);
            var last = status.get();
            status.set(new Status(
                    "failed", label, last.done(), last.total(), started, Instant.now(), null, e.getMessage()));
            return null;
        }
    }
}
