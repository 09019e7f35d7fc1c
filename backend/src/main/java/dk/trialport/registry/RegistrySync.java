package dk.trialport.registry;

import dk.trialport.platform.ProgressBar;
import dk.trialport.registry.ctgov.CtgovApi;
import dk.trialport.registry.ctis.CtisApi;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.codec.ClientCodecConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.ExchangeStrategies;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The live registry sync: reads the Danish trials from a registry's public API page by page and imports every
 * record through the same pipeline as the file import ({@link RegistryImport}: same mapper, merge and versioning).
 * After each page it commits its position ({@link SyncCursors}), so a run that stops resumes from the next page and
 * imports nothing twice. A run without a date asks only for the records updated since the day the last complete
 * run began (the first run: everything).
 */
@Component
class RegistrySync {

    private static final Logger log = LoggerFactory.getLogger(RegistrySync.class);

    private final RegistryImport importer;
    private final SyncCursors cursors;
    private final CtgovApi ctgov;
    private final CtisApi ctis;

    RegistrySync(RegistryImport importer, SyncCursors cursors, SyncProperties properties, WebClient.Builder builder) {
        this.importer = importer;
        this.cursors = cursors;
        var client = builder.clone()
                .exchangeStrategies(ExchangeStrategies.builder()
                        .codecs(codecs -> maxInMemory(codecs, (int) Math.min(
                                Integer.MAX_VALUE, properties.maxResponse().toBytes())))
                        .build())
                .build();
        this.ctgov = new CtgovApi(
                new SyncHttp(client, properties.ctgov().requestsPerMinute(), properties.retry(), properties.timeout()),
                properties.ctgov().baseUrl(),
                properties.ctgov().location(),
                properties.ctgov().pageSize());
        this.ctis = new CtisApi(
                new SyncHttp(client, properties.ctis().requestsPerMinute(), properties.retry(), properties.timeout()),
                properties.ctis().baseUrl(),
                properties.ctis().memberStates(),
                properties.ctis().pageSize());
    }

    private static void maxInMemory(ClientCodecConfigurer codecs, int bytes) {
        codecs.defaultCodecs().maxInMemorySize(bytes);
    }

    /**
     * Syncs one registry: resumes an unfinished run (unless {@code since} asks for another), else starts one from
     * {@code since}, or from the day the last complete run began when null.
     */
    ImportSummary sync(RegistrySource source, LocalDate since, RegistryImport.Progress progress) {
        var cursor = cursors.read(source);
        if (!cursor.running() || (since != null && !since.equals(cursor.since()))) {
            var from = since != null
                    ? since
                    : cursor.completedSince() == null
                            ? null
                            : cursor.completedSince().minusDays(1);
            cursor = new SyncCursors.Cursor(
                    true, from, null, 0, OffsetDateTime.now(ZoneOffset.UTC), cursor.completedSince());
            cursors.save(source, cursor);
            log.info("Sync of {} starts, records updated since {}", source.code(), from == null ? "ever" : from);
        } else {
            log.info(
                    "Sync of {} resumes after page {} (records updated since {})",
                    source.code(),
                    cursor.pagesDone(),
                    cursor.since() == null ? "ever" : cursor.since());
        }
        var tally = new ImportTally(source.display() + " API");
        long done = 0;
        ProgressBar bar = null;
        while (cursor.running()) {
            var page = source == RegistrySource.CTGOV ? ctgovPage(cursor) : ctisPage(cursor);
            long total = page.total() == null ? done + page.records().size() : page.total();
            if (bar == null) {
                bar = new ProgressBar("Sync " + source.code(), total);
            }
            for (var record : page.records()) {
                tally.add(record.get());
                done++;
                bar.advance(1);
                progress.update(done, Math.max(total, done));
            }
            cursor = next(source, cursor, page.next());
        }
        return importer.finish(tally, 0);
    }

    /** A fetched page: its records, each imported when asked; the next page (null: none); the total, if known. */
    private record Page(List<Supplier<ImportTally.Outcome>> records, String next, Long total) {}

    private Page ctgovPage(SyncCursors.Cursor cursor) {
        var page = ctgov.page(cursor.nextPage(), cursor.since());
        return new Page(
                page.studies().stream()
                        .<Supplier<ImportTally.Outcome>>map(study -> () -> importer.ctgovRecord(study))
                        .toList(),
                page.nextPageToken(),
                page.totalCount());
    }

    /** A CTIS search page; each trial is read ({@code retrieve}) when it is imported. */
    private Page ctisPage(SyncCursors.Cursor cursor) {
        int number = cursor.nextPage() == null ? 1 : Integer.parseInt(cursor.nextPage());
        var page = ctis.search(number, cursor.since());
        return new Page(
                page.ctNumbers().stream()
                        .<Supplier<ImportTally.Outcome>>map(ctNumber -> () -> ctisRecord(ctNumber))
                        .toList(),
                page.hasNext() ? String.valueOf(number + 1) : null,
                page.totalRecords());
    }

    /**
     * One CTIS trial the search listed. One that CTIS no longer serves (404 or 410: withdrawn from publication between
     * the search and the read) is rejected with that reason and the run goes on; any other failure stops the run, to
     * be resumed from this page.
     */
    private ImportTally.Outcome ctisRecord(String ctNumber) {
        try {
            return importer.ctisRecord(ctis.retrieve(ctNumber), true);
        } catch (SyncHttp.Failure e) {
            if (!e.notFound()) {
                throw e;
            }
            log.warn("CTIS lists {} but does not serve it: {}", ctNumber, e.getMessage());
            return new ImportTally.Outcome(
                    ctNumber,
                    ctNumber,
                    ImportTally.Outcome.Kind.REJECTED,
                    "CTIS lists the trial but does not serve it");
        }
    }

    /** Commits a page: the next one to fetch, or, after the last, the run as complete. */
    private SyncCursors.Cursor next(RegistrySource source, SyncCursors.Cursor cursor, String nextPage) {
        var next = nextPage != null
                ? new SyncCursors.Cursor(
                        true,
                        cursor.since(),
                        nextPage,
                        cursor.pagesDone() + 1,
                        cursor.runStartedAt(),
                        cursor.completedSince())
                : new SyncCursors.Cursor(
                        false,
                        cursor.since(),
                        null,
                        cursor.pagesDone() + 1,
                        cursor.runStartedAt(),
                        cursor.runStartedAt().toLocalDate());
        cursors.save(source, next);
        return next;
    }
}
