package dk.trialport.search;

import dk.trialport.catalogue.Trial;
import dk.trialport.catalogue.TrialProjectionStore;
import dk.trialport.platform.ProgressBar;
import dk.trialport.platform.Singletons;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the index from PostgreSQL into a new index and then swaps the alias, so search keeps
 * answering from the old index meanwhile. The indexers of every instance wait during the rebuild (it holds the
 * index's writing lock in PostgreSQL); changes made meanwhile stay in the outbox and reach the new index right after
 * the swap.
 */
@Component
class Reindexing {

    private static final Logger log = LoggerFactory.getLogger(Reindexing.class);
    private static final int BATCH = 500;

    private final TrialProjectionStore trials;
    private final TrialIndexer indexer;
    private final TrialIndex index;
    private final Singletons singletons;
    private final AtomicReference<Progress> progress = new AtomicReference<>(Progress.idle());

    Reindexing(TrialProjectionStore trials, TrialIndexer indexer, TrialIndex index, Singletons singletons) {
        this.singletons = singletons;
        this.trials = trials;
        this.indexer = indexer;
        this.index = index;
    }

    /**
     * How far a rebuild is.
     *
     * @param state idle, running, done or failed
     */
    record Progress(
            String state, String index, long total, long done, Instant started, Instant finished, String error) {

        static Progress idle() {
            return new Progress("idle", null, 0, 0, null, null, null);
        }

        int percent() {
            return total == 0 ? 100 : (int) (100 * done / total);
        }
    }

    Progress progress() {
        return progress.get();
    }

    /** Starts a rebuild in the background unless one runs; returns its progress. */
    synchronized Progress start() {
        if ("running".equals(progress.get().state())) {
            return progress.get();
        }
        progress.set(new Progress("running", null, 0, 0, Instant.now(), null, null));
        Thread.ofPlatform().name("reindex").start(this::runSafely);
        return progress.get();
    }

    /**
     * Rebuilds in the calling thread; returns when the alias points at the new index. Holds the index's writing lock
     * (in PostgreSQL) throughout, so no instance's indexer writes meanwhile: their changes wait in the outbox.
     */
    Progress run() throws Exception {
        return singletons.waitAndRunAlone(TrialIndexer.WRITING, this::rebuild);
    }

    private Progress rebuild() throws IOException {
        var started = Instant.now();
        long total = trials.count().block();
        var target = index.create();
        progress.set(new Progress("running", target, total, 0, started, null, null));
        log.info("Reindexing {} trials into {}", total, target);
        var bar = new ProgressBar("Reindex", total);
        var batch = new ArrayList<Trial>(BATCH);
        for (var trial : trials.all().toIterable(BATCH)) {
            batch.add(trial);
            if (batch.size() == BATCH) {
                flush(target, batch, bar, started, total);
            }
        }
        flush(target, batch, bar, started, total);
        index.refresh(target);
        index.swapTo(target);
        indexer.aliasChanged();
        var done = new Progress("done", target, total, bar.done(), started, Instant.now(), null);
        progress.set(done);
        log.info(
                "Reindexed {} trials into {} in {} s",
                done.done(),
                target,
                Duration.between(started, done.finished()).toSeconds());
        return done;
    }

    private void flush(String target, List<Trial> batch, ProgressBar bar, Instant started, long total)
            throws IOException {
        if (batch.isEmpty()) {
            return;
        }
        index.write(target, indexer.documentsOf(batch), List.of());
        bar.advance(batch.size());
        batch.clear();
        progress.set(new Progress("running", target, total, bar.done(), started, null, null));
    }

    private void runSafely() {
        try {
            run();
        } catch (Exception e) {
            log.error("Reindexing failed; the alias still points at the previous index", e);
            var failed = progress.get();
            progress.set(new Progress(
                    "failed",
                    failed.index(),
                    failed.total(),
                    failed.done(),
                    failed.started(),
                    Instant.now(),
                    e.getMessage()));
        }
    }
}
