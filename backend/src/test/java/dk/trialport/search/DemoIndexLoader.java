package dk.trialport.search;

import dk.trialport.demo.DemoProjections;
import dk.trialport.platform.ProgressBar;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationContext;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Loads a benchmark-sized demo catalogue straight into the index: the demo generator's trials, projected as
 * the catalogue would and turned into documents by the indexer's own builder, in bulk requests of 1,000 (two
 * at a time) while the next batch is generated. PostgreSQL is not written.
 */
public final class DemoIndexLoader {

    private static final int BATCH = 1_000;

    private DemoIndexLoader() {}

    /** Loads trials 1 to {@code count} of the seed's sequence and prints how long it took; returns the seconds. */
    public static double load(ApplicationContext context, long seed, int count) throws Exception {
        var index = context.getBean(TrialIndex.class);
        var documents = context.getBean(TrialDocuments.class);
        index.ensureExists();
        var projections = new DemoProjections(seed);
        var bar = new ProgressBar("Loading demo catalogue into the index", count);
        long start = System.nanoTime();
        var generating = new long[1];
        Flux.range(0, (count + BATCH - 1) / BATCH)
                .map(batch -> {
                    long t0 = System.nanoTime();
                    var page = new ArrayList<TrialDocument>(BATCH);
                    for (int number = batch * BATCH + 1; number <= Math.min(count, (batch + 1) * BATCH); number++) {
                        var projected = projections.trial(number);
                        page.add(documents.document(projected.trial(), projected.sites(), null));
                    }
                    generating[0] += System.nanoTime() - t0;
                    return page;
                })
                .flatMap(
                        page -> Mono.fromCallable(() -> write(index, page, bar))
                                .subscribeOn(Schedulers.boundedElastic()),
                        2)
                .blockLast(Duration.ofHours(1));
        index.refresh(index.alias());
        double seconds = (System.nanoTime() - start) / 1e9;
        double generatingSeconds = generating[0] / 1e9;
        System.out.printf(
                "BENCHMARK loaded %d demo trials into the index in %.0f s (%.0f/s), generating and projecting "
                        + "them %.0f s of it (%.0f/s)%n",
                count, seconds, count / seconds, generatingSeconds, count / generatingSeconds);
        return seconds;
    }

    private static int write(TrialIndex index, List<TrialDocument> page, ProgressBar bar) throws Exception {
        index.write(index.alias(), page, List.of());
        synchronized (bar) {
            bar.advance(page.size());
        }
        return page.size();
    }
}
