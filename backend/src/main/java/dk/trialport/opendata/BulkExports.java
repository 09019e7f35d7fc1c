package dk.trialport.opendata;

import dk.trialport.catalogue.PublicResources;
import io.r2dbc.postgresql.codec.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * FHIR Bulk Data export jobs of the public catalogue. A kick-off is refused when the client (its address, kept only as
 * a hash) or everyone together already run as many as allowed ({@link TooMany}); otherwise the job is recorded in
 * PostgreSQL and runs on this instance, writing one NDJSON file per resource type from {@link PublicResources}, and
 * notes its progress as it goes, so any instance answers a status poll. Deleting a job cancels it (a running job sees
 * its row gone and stops) and removes its files; finished jobs expire and are removed.
 */
@Component
public class BulkExports {

    private static final Logger log = LoggerFactory.getLogger(BulkExports.class);
    private static final int HEARTBEAT_EVERY = 500;

    /** A file of a finished export: its resource type, file name and number of resources. */
    public record Output(String type, String file, long count) {}

    /** A job as a status poll sees it; {@code status} is running, done or failed. */
    public record Job(
            UUID id,
            String request,
            List<String> types,
            Instant since,
            Instant transactionTime,
            String status,
            String progress,
            List<Output> output,
            Instant expiresAt) {

        public boolean running() {
            return "running".equals(status);
        }

        public boolean done() {
            return "done".equals(status);
        }
    }

    /** Too many exports run already, for this client or in all. */
    public static final class TooMany extends RuntimeException {
        private final Duration retryAfter;

        TooMany(String message, Duration retryAfter) {
            super(message);
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }

    private static final class Cancelled extends RuntimeException {
        Cancelled() {
            super("cancelled", null, false, false);
        }
    }

    private final DatabaseClient database;
    private final TransactionalOperator transaction;
    private final PublicResources resources;
    private final OpenDataProperties properties;
    private final JsonMapper json;
    private final Clock clock;

    BulkExports(
            DatabaseClient database,
            TransactionalOperator transaction,
            PublicResources resources,
            OpenDataProperties properties,
            JsonMapper json,
            Clock clock) {
        this.database = database;
        this.transaction = transaction;
        this.resources = resources;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Records a new job and starts it on this instance, unless the client or everyone run too many ({@link TooMany}).
     *
     * @param clientAddress the caller's address, stored only as a hash
     * @param request the kick-off URL, for the manifest
     * @param types the resource types to export, among {@link PublicResources#TYPES}
     * @param since only resources changed after this; null for all
     */
    public Mono<Job> start(String clientAddress, String request, List<String> types, Instant since) {
        var now = clock.instant();
        var job = new Job(UUID.randomUUID(), request, types, since, now, "running", "started", List.of(), null);
        var client = clientKey(clientAddress);
        var fresh = offset(now.minus(properties.exportStaleAfter()));
        return database.sql("SELECT pg_advisory_xact_lock(hashtextextended('bulk-export-kick-off', 0))")
                .then()
                .then(database.sql("SELECT count(*) FILTER (WHERE client = :client) AS mine, count(*) AS all_jobs "
                                + "FROM bulk_export_job WHERE status = 'running' AND heartbeat_at > :fresh")
                        .bind("client", client)
                        .bind("fresh", fresh)
                        .map(row -> new long[] {row.get("mine", Long.class), row.get("all_jobs", Long.class)})
                        .one())
                .flatMap(counts -> {
                    if (counts[0] >= properties.exportJobsPerClient()) {
                        return Mono.error(new TooMany(
                                "You already run " + counts[0] + " bulk export(s); at most "
                                        + properties.exportJobsPerClient()
                                        + " at a time per client. Wait for it to finish or cancel it.",
                                properties.exportRetryAfter()));
                    }
                    if (counts[1] >= properties.exportJobs()) {
                        return Mono.error(new TooMany(
                                "The server runs as many bulk exports as it takes at a time; try again later.",
                                properties.exportRetryAfter()));
                    }
                    var insert = database.sql(
                                    "INSERT INTO bulk_export_job (id, client, request, types, since, transaction_time, "
                                            + "status, progress, heartbeat_at) VALUES (:id, :client, :request, :types, :since, :time, "
                                            + "'running', :progress, :time)")
                            .bind("id", job.id())
                            .bind("client", client)
                            .bind("request", request)
                            .bind("types", types.toArray(String[]::new))
                            .bind("time", offset(now))
                            .bind("progress", job.progress());
                    return (since == null
                                    ? insert.bindNull("since", OffsetDateTime.class)
                                    : insert.bind("since", offset(since)))
                            .then();
                })
                .as(transaction::transactional)
                .doOnSuccess(ignored -> {
                    log.info("Bulk export {} started ({}, since {})", job.id(), types, since);
                    run(job).subscribeOn(Schedulers.boundedElastic()).subscribe();
                })
                .thenReturn(job);
    }

    /** The job, empty when unknown, cancelled or expired; a running job whose instance died is failed. */
    public Mono<Job> find(UUID id) {
        var now = clock.instant();
        return database.sql("SELECT * FROM bulk_export_job WHERE id = :id")
                .bind("id", id)
                .map(row -> {
                    var since = row.get("since", OffsetDateTime.class);
                    var expires = row.get("expires_at", OffsetDateTime.class);
                    var output = row.get("output", Json.class);
                    var status = row.get("status", String.class);
                    if ("running".equals(status)
                            && row.get("heartbeat_at", OffsetDateTime.class)
                                    .toInstant()
                                    .isBefore(now.minus(properties.exportStaleAfter()))) {
                        status = "failed";
                    }
                    return new Job(
                            id,
                            row.get("request", String.class),
                            Arrays.asList(row.get("types", String[].class)),
                            since == null ? null : since.toInstant(),
                            row.get("transaction_time", OffsetDateTime.class).toInstant(),
                            status,
                            row.get("progress", String.class),
                            output == null
                                    ? List.of()
                                    : json.readValue(output.asString(), new TypeReference<List<Output>>() {}),
                            expires == null ? null : expires.toInstant());
                })
                .one()
                .filter(job -> job.expiresAt() == null || job.expiresAt().isAfter(now));
    }

    /** Cancels a running job or removes a finished one with its files; false when there is no such job. */
    public Mono<Boolean> cancel(UUID id) {
        return database.sql("DELETE FROM bulk_export_job WHERE id = :id")
                .bind("id", id)
                .fetch()
                .rowsUpdated()
                .map(removed -> removed > 0)
                .doOnNext(removed -> {
                    if (removed) {
                        log.info("Bulk export {} cancelled", id);
                        delete(directory(id));
                    }
                });
    }

    /** A file of a finished, unexpired job; empty otherwise. */
    public Mono<Path> file(UUID id, String name) {
        return find(id).filter(Job::done)
                .flatMapIterable(Job::output)
                .filter(output -> output.file().equals(name))
                .next()
                .map(output -> directory(id).resolve(output.file()))
                .filter(Files::isRegularFile);
    }

    /** Removes expired jobs and jobs whose instance died, with their files; any instance may do it. */
    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
    void removeExpired() {
        var now = clock.instant();
        database.sql(
                        "DELETE FROM bulk_export_job WHERE expires_at < :now OR (status <> 'done' AND heartbeat_at < :dead) "
                                + "RETURNING id")
                .bind("now", offset(now))
                .bind("dead", offset(now.minus(properties.exportExpiry())))
                .map(row -> row.get("id", UUID.class))
                .all()
                .doOnNext(id -> delete(directory(id)))
                .count()
                .doOnNext(removed -> {
                    if (removed > 0) {
                        log.info("Removed {} expired bulk export(s)", removed);
                    }
                })
                .onErrorResume(e -> {
                    log.warn("Could not remove expired bulk exports: {}", e.toString());
                    return Mono.empty();
                })
                .block();
    }

    private Mono<Void> run(Job job) {
        var directory = directory(job.id());
        return Mono.fromCallable(() -> Files.createDirectories(directory))
                .thenMany(Flux.fromIterable(job.types()).concatMap(type -> write(job, directory, type)))
                .filter(output -> output.count() > 0)
                .collectList()
                .flatMap(outputs -> database.sql(
                                "UPDATE bulk_export_job SET status = 'done', progress = 'done', "
                                        + "output = :output, expires_at = :expires, heartbeat_at = :now WHERE id = :id AND status = 'running'")
                        .bind("output", Json.of(json.writeValueAsString(outputs)))
                        .bind("expires", offset(clock.instant().plus(properties.exportExpiry())))
                        .bind("now", offset(clock.instant()))
                        .bind("id", job.id())
                        .fetch()
                        .rowsUpdated()
                        .flatMap(updated -> updated > 0 ? Mono.just(outputs) : Mono.error(new Cancelled())))
                .doOnNext(outputs -> log.info(
                        "Bulk export {} done: {}",
                        job.id(),
                        outputs.stream().map(o -> o.type() + " " + o.count()).toList()))
                .then()
                .onErrorResume(Cancelled.class, cancelled -> {
                    delete(directory);
                    return Mono.empty();
                })
                .onErrorResume(failure -> {
                    log.warn("Bulk export {} failed: {}", job.id(), failure.toString());
                    delete(directory);
                    return database.sql("UPDATE bulk_export_job SET status = 'failed', progress = 'failed', "
                                    + "expires_at = :expires WHERE id = :id")
                            .bind("expires", offset(clock.instant().plus(properties.exportExpiry())))
                            .bind("id", job.id())
                            .then();
                });
    }

    private Mono<Output> write(Job job, Path directory, String type) {
        var file = type + ".ndjson";
        var count = new AtomicLong();
        return Mono.using(
                () -> Files.newBufferedWriter(directory.resolve(file), StandardCharsets.UTF_8),
                writer -> resources
                        .current(type, job.since())
                        .publishOn(Schedulers.boundedElastic())
                        .concatMap(resource -> {
                            line(writer, resource.body());
                            return count.incrementAndGet() % HEARTBEAT_EVERY == 0
                                    ? heartbeat(job, type + ": " + count.get() + " written")
                                    : Mono.empty();
                        })
                        .then(Mono.defer(() -> heartbeat(job, type + ": " + count.get() + " written")))
                        .then(Mono.fromCallable(() -> new Output(type, file, count.get()))),
                BulkExports::close);
    }

    /** Notes progress; a job whose row is gone was cancelled. */
    private Mono<Void> heartbeat(Job job, String progress) {
        return database.sql("UPDATE bulk_export_job SET heartbeat_at = :now, progress = :progress "
                        + "WHERE id = :id AND status = 'running'")
                .bind("now", offset(clock.instant()))
                .bind("progress", progress)
                .bind("id", job.id())
                .fetch()
                .rowsUpdated()
                .flatMap(updated -> updated > 0 ? Mono.<Void>empty() : Mono.error(new Cancelled()));
    }

    /** One resource as one line: the stored JSON, made compact when it is not. */
    void line(Writer writer, String body) {
        try {
            writer.write(body.indexOf('\n') < 0 ? body : json.writeValueAsString(json.readTree(body)));
            writer.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path directory(UUID id) {
        return properties.directory().resolve("bulk").resolve(id.toString());
    }

    static void delete(Path directory) {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (var files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            log.warn("Could not remove {}: {}", directory, e.toString());
        }
    }

    private static void close(Writer writer) {
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static OffsetDateTime offset(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** How a client address is kept: a SHA-256 hash, never the address. */
    static String clientKey(String address) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(("trialport-bulk-export:" + address).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
