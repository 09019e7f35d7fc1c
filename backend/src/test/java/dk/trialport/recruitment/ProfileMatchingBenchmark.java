package dk.trialport.recruitment;

import dk.trialport.demo.DemoCatalogueAccess;
import dk.trialport.demo.DemoVolunteerSeeder;
import dk.trialport.platform.PollingWorker;
import dk.trialport.recruitment.application.FindingTrialsForProfile;
import dk.trialport.recruitment.application.MatchingProfiles;
import dk.trialport.recruitment.infrastructure.ProfileStore;
import dk.trialport.recruitment.infrastructure.TrialFactsReader;
import dk.trialport.recruitment.model.InterestProfile;
import dk.trialport.search.DemoIndexLoader;
import dk.trialport.search.SearchPage;
import dk.trialport.support.TrialportIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Matching at national scale, both ways, against the real PostgreSQL and Elasticsearch:
 * (a) one newly published demo trial against 1,000,000 generated interest profiles ({@code -Dbenchmark.profiles=N})
 * through the matcher's own path (the indexed prefilter in PostgreSQL, then the exact rules), counted without
 * telling anyone and then matched for real (a notification, an audit entry and maybe a mail per person);
 * (b) generated profiles against 500,000 demo trials in the index ({@code -Dbenchmark.trials=N}) through
 * "trials for my profile", with concurrent clients. Prints load times, counts, latency percentiles and memory.
 * Not part of {@code mvn verify}; run it with
 * {@code mvn verify -pl backend -am -Dtest=ProfileMatchingBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * -Dtrialport.platform.elasticsearch-heap-mb=1024}.
 */
@TrialportIntegrationTest
class ProfileMatchingBenchmark {

    private static final int PROFILES = Integer.getInteger("benchmark.profiles", 1_000_000);
    private static final int TRIALS = Integer.getInteger("benchmark.trials", 500_000);
    private static final int REPEATS = Integer.getInteger("benchmark.repeats", 5);
    private static final int SEARCHES = Integer.getInteger("benchmark.searches", 500);
    private static final int CONCURRENCY = Integer.getInteger("benchmark.concurrency", 8);
    private static final long SEED = 2026;
    private static final ZoneId DENMARK = ZoneId.of("Europe/Copenhagen");

    @Autowired
    ApplicationContext context;

    @Autowired
    DemoVolunteerSeeder volunteers;

    @Autowired
    MatchingProfiles matching;

    @Autowired
    TrialFactsReader facts;

    @Autowired
    ProfileStore profiles;

    @Autowired
    FindingTrialsForProfile trialsForProfile;

    @Autowired
    DatabaseClient database;

    @Test
    void matchingAtNationalScale() throws Exception {
        // The background workers would match the published trial and send the mails meanwhile: measured here instead.
        context.getBean(PollingWorker.class).stop();

        long start = System.nanoTime();
        volunteers.load(volunteers.generator(SEED, Instant.now()), PROFILES).block(Duration.ofHours(1));
        double loadSeconds = seconds(start);
        database.sql("ANALYZE interest_profile").then().block();
        System.out.printf(
                "BENCHMARK loaded %d interest profiles (COPY) in %.1f s (%.0f/s); table and indexes %s%n",
                PROFILES, loadSeconds, PROFILES / loadSeconds, size("interest_profile"));

        oneTrialAgainstEveryProfile();
        oneProfileAgainstEveryTrial();
    }

    private void oneTrialAgainstEveryProfile() {
        var trialId = DemoCatalogueAccess.publishRecruiting(context, SEED + 1);
        var trial = facts.recruiting(trialId).block();
        var today = LocalDate.now(DENMARK);
        System.out.printf(
                "BENCHMARK trial %s: concepts %s, ages %s-%s, sex %s, healthy volunteers %s, %d sites%n",
                trialId,
                trial.concepts(),
                trial.minimumAge(),
                trial.maximumAge(),
                trial.sex(),
                trial.healthyVolunteers(),
                trial.sites().size());
        var prefiltered = repeat(
                "prefilter in PostgreSQL (candidates)",
                () -> profiles.candidates(trial, today).count().block());
        var matches = repeat(
                "prefilter + exact rules (feasibility count)",
                () -> matching.countMatching(trialId).block());
        memory("after counting");
        long start = System.nanoTime();
        long told = matching.match(trialId).block(Duration.ofHours(1));
        double seconds = seconds(start);
        System.out.printf(
                "BENCHMARK one trial against %d profiles: prefiltered %d (%.2f %%), matched %d, told %d; "
                        + "full match with notifications %.1f s (%.0f people told/s)%n",
                PROFILES, prefiltered, 100.0 * prefiltered / PROFILES, matches, told, seconds, told / seconds);
        memory("after matching");
    }

    private void oneProfileAgainstEveryTrial() throws Exception {
        DemoIndexLoader.load(context, SEED, TRIALS);
        var generator = volunteers.generator(SEED + 2, Instant.now());
        var people = new ArrayList<InterestProfile>();
        while (people.size() < SEARCHES) {
            var profile = generator.next().profile();
            if (!profile.isPaused()) {
                people.add(profile);
            }
        }
        var totals = Collections.synchronizedList(new ArrayList<Long>());
        search("warm-up", people.subList(0, Math.min(100, SEARCHES)), 4, totals);
        totals.clear();
        search("one profile against every trial, 1 client", people, 1, totals);
        search("one profile against every trial, " + CONCURRENCY + " clients", people, CONCURRENCY, new ArrayList<>());
        var sorted = new ArrayList<>(totals);
        Collections.sort(sorted);
        System.out.printf(
                "BENCHMARK trials fitting a profile out of %d: median %d, p95 %d, max %d, none for %d of %d%n",
                TRIALS,
                sorted.get(sorted.size() / 2),
                sorted.get((int) (sorted.size() * 0.95)),
                sorted.getLast(),
                sorted.stream().filter(n -> n == 0).count(),
                sorted.size());
        memory("after searching");
    }

    private void search(String name, List<InterestProfile> people, int concurrency, List<Long> totals) {
        var latencies = Collections.synchronizedList(new ArrayList<Long>());
        var done = new AtomicInteger();
        long start = System.nanoTime();
        Flux.fromIterable(people)
                .flatMap(
                        profile -> Mono.defer(() -> {
                            long t0 = System.nanoTime();
                            return trialsForProfile
                                    .fitting(profile, Locale.forLanguageTag("da"), null, 20)
                                    .doOnNext(page -> {
                                        latencies.add(System.nanoTime() - t0);
                                        totals.add(page.total());
                                        done.incrementAndGet();
                                    });
                        }),
                        concurrency)
                .map(SearchPage::total)
                .blockLast(Duration.ofMinutes(30));
        double seconds = seconds(start);
        var sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf(
                "BENCHMARK %-50s n=%d %.0f/s p50=%.1f ms p95=%.1f ms p99=%.1f ms%n",
                name, done.get(), done.get() / seconds, ms(sorted, 0.50), ms(sorted, 0.95), ms(sorted, 0.99));
    }

    /** Runs the count {@code REPEATS} times; prints p50/p95 and returns the (same) count. */
    private static long repeat(String name, Supplier<Long> count) {
        var latencies = new ArrayList<Long>();
        long result = 0;
        for (int i = 0; i < REPEATS; i++) {
            long t0 = System.nanoTime();
            result = count.get();
            latencies.add(System.nanoTime() - t0);
        }
        var first = latencies.getFirst() / 1e6;
        Collections.sort(latencies);
        System.out.printf(
                "BENCHMARK %-45s count=%d n=%d first=%.0f ms p50=%.0f ms p95=%.0f ms%n",
                name, result, REPEATS, first, ms(latencies, 0.50), ms(latencies, 0.95));
        return result;
    }

    private String size(String table) {
        return database.sql("SELECT pg_size_pretty(pg_table_size(:t)) || ' + ' || pg_size_pretty(pg_indexes_size(:t))")
                .bind("t", table)
                .map(row -> row.get(0, String.class))
                .one()
                .block();
    }

    private static void memory(String when) {
        var runtime = Runtime.getRuntime();
        System.gc();
        System.out.printf(
                "BENCHMARK heap %s: %d MB used of %d MB max%n",
                when, (runtime.totalMemory() - runtime.freeMemory()) >> 20, runtime.maxMemory() >> 20);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static double ms(List<Long> sorted, double quantile) {
        return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, quantile * sorted.size())) / 1e6;
    }
}
