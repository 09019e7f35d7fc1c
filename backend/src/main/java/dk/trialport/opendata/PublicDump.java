package dk.trialport.opendata;

import dk.trialport.catalogue.PublicResources;
import dk.trialport.catalogue.Site;
import dk.trialport.catalogue.SiteProjectionStore;
import dk.trialport.catalogue.StoredResource;
import dk.trialport.catalogue.Trial;
import dk.trialport.catalogue.TrialProjectionStore;
import dk.trialport.platform.Singletons;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The public dump of the catalogue, written every night (under the {@link Singletons} lock, so one instance writes it)
 * and on an administrator's demand: {@code trials.ndjson}, one FHIR collection Bundle per public trial holding the
 * ResearchStudy with its sites (Location) and their and the sponsor's Organization; and {@code trials.csv}, one row
 * per public trial. Files are written beside and then moved into place, so a download never sees half a file. Only
 * {@link PublicResources} and public {@link Trial}s are read: a draft never appears.
 */
@Component
public class PublicDump {

    private static final Logger log = LoggerFactory.getLogger(PublicDump.class);

    /** The FHIR file. */
    public static final String NDJSON = "trials.ndjson";
    /** The flat file. */
    public static final String CSV = "trials.csv";

    static final List<String> CSV_COLUMNS = List.of(
            "id",
            "title_da",
            "title_en",
            "status",
            "recruitment_status",
            "conditions",
            "phase",
            "sponsor",
            "sites",
            "regions",
            "updated");

    /** One written file: its name, when it was written, its size and how many trials it holds. */
    public record DumpFile(String name, Instant writtenAt, long bytes, int trials) {}

    private final PublicResources resources;
    private final TrialProjectionStore trials;
    private final SiteProjectionStore sites;
    private final DatabaseClient database;
    private final Singletons singletons;
    private final OpenDataProperties properties;
    private final JsonMapper json;
    private final Clock clock;
    private final String baseUrl;

    PublicDump(
            PublicResources resources,
            TrialProjectionStore trials,
            SiteProjectionStore sites,
            DatabaseClient database,
            Singletons singletons,
            OpenDataProperties properties,
            JsonMapper json,
            Clock clock,
            @Value("${trialport.public-base-url:http://localhost:8080}") String baseUrl) {
        this.resources = resources;
        this.trials = trials;
        this.sites = sites;
        this.database = database;
        this.singletons = singletons;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** The nightly run ({@code trialport.open-data.dump-schedule}); another instance writing it meanwhile skips. */
    @Scheduled(cron = "${trialport.open-data.dump-schedule:0 30 2 * * *}")
    void nightly() {
        if (!writeAlone()) {
            log.info("The public dump is being written by another instance; skipped");
        }
    }

    /** Writes the dump now unless another instance is writing it (false then). Blocks: call off the event loop. */
    public boolean writeAlone() {
        return singletons.runAlone("open-data-dump", () -> write().block());
    }

    /** The files as last written, newest first; empty before the first dump. */
    public Mono<List<DumpFile>> files() {
        return database.sql("SELECT * FROM open_data_dump ORDER BY file DESC")
                .map(row -> new DumpFile(
                        row.get("file", String.class),
                        row.get("written_at", OffsetDateTime.class).toInstant(),
                        row.get("bytes", Long.class),
                        row.get("trials", Integer.class)))
                .all()
                .collectList();
    }

    /** A dump file's path when it has been written. */
    public Optional<Path> path(String name) {
        if (!NDJSON.equals(name) && !CSV.equals(name)) {
            return Optional.empty();
        }
        var path = directory().resolve(name);
        return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
    }

    /** Writes both files and records them. */
    Mono<List<DumpFile>> write() {
        return Mono.zip(
                        trials.all().filter(Trial::isPublic).collectMap(Trial::id),
                        sites.all().collectMap(Site::id),
                        resources.current("Location", null).collectMap(StoredResource::id, StoredResource::body),
                        resources.current("Organization", null).collectMap(StoredResource::id, StoredResource::body))
                .flatMap(known -> Mono.fromCallable(() -> Files.createDirectories(directory()))
                        .then(Mono.using(
                                () -> new Writers(directory()),
                                writers -> resources
                                        .current("ResearchStudy", null)
                                        .publishOn(Schedulers.boundedElastic())
                                        .filter(study -> known.getT1().containsKey(study.id()))
                                        .doOnNext(study -> {
                                            var trial = known.getT1().get(study.id());
                                            writers.ndjson(bundle(study, trial, known.getT3(), known.getT4()));
                                            writers.csv(row(trial, known.getT2()));
                                        })
                                        .count(),
                                Writers::close))
                        .flatMap(count -> Mono.fromCallable(() -> publish(count.intValue()))
                                .subscribeOn(Schedulers.boundedElastic())))
                .flatMap(files -> reactor.core.publisher.Flux.fromIterable(files)
                        .concatMap(file -> database.sql(
                                        "INSERT INTO open_data_dump (file, written_at, bytes, trials) "
                                                + "VALUES (:file, :at, :bytes, :trials) ON CONFLICT (file) DO UPDATE SET "
                                                + "written_at = excluded.written_at, bytes = excluded.bytes, trials = excluded.trials")
                                .bind("file", file.name())
                                .bind("at", file.writtenAt().atOffset(ZoneOffset.UTC))
                                .bind("bytes", file.bytes())
                                .bind("trials", file.trials())
                                .then())
                        .then(Mono.just(files)))
                .doOnNext(files -> log.info(
                        "Public dump written: {}",
                        files.stream()
                                .map(f -> f.name() + " " + f.bytes() + " bytes")
                                .toList()));
    }

    private List<DumpFile> publish(int count) throws IOException {
        var now = clock.instant();
        var written = new ArrayList<DumpFile>();
        for (var name : List.of(NDJSON, CSV)) {
            var target = directory().resolve(name);
            Files.move(
                    directory().resolve(name + ".new"),
                    target,
                    StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            written.add(new DumpFile(name, now, Files.size(target), count));
        }
        return written;
    }

    /** A collection Bundle: the trial, its sites, and the organizations that manage them and sponsor it. */
    private String bundle(
            StoredResource study, Trial trial, Map<String, String> locations, Map<String, String> organizations) {
        var bundle = json.createObjectNode();
        bundle.put("resourceType", "Bundle");
        bundle.put("type", "collection");
        var entries = bundle.putArray("entry");
        var studyJson = json.readTree(study.body());
        add(entries, "ResearchStudy", study.id(), studyJson);
        var organizationIds = new LinkedHashSet<String>();
        organizationIds.add(referenced(studyJson.path("sponsor"), "Organization"));
        for (var siteId : trial.siteIds()) {
            var location = locations.get(siteId);
            if (location != null) {
                var locationJson = json.readTree(location);
                add(entries, "Location", siteId, locationJson);
                organizationIds.add(referenced(locationJson.path("managingOrganization"), "Organization"));
            }
        }
        organizationIds.stream()
                .filter(Objects::nonNull)
                .filter(organizations::containsKey)
                .forEach(id -> add(entries, "Organization", id, json.readTree(organizations.get(id))));
        return json.writeValueAsString(bundle);
    }

    private void add(tools.jackson.databind.node.ArrayNode entries, String type, String id, JsonNode resource) {
        ObjectNode entry = entries.addObject();
        entry.put("fullUrl", baseUrl + "/fhir/" + type + "/" + id);
        entry.set("resource", resource);
    }

    private static String referenced(JsonNode reference, String type) {
        var text = reference.path("reference").asString("");
        return text.startsWith(type + "/") ? text.substring(type.length() + 1) : null;
    }

    private static List<String> row(Trial trial, Map<String, Site> sites) {
        var trialSites = trial.siteIds().stream()
                .map(sites::get)
                .filter(Objects::nonNull)
                .toList();
        return List.of(
                trial.id(),
                firstOf(trial.layTitleDa(), trial.title()),
                firstOf(trial.layTitleEn(), trial.title()),
                trial.status(),
                Objects.requireNonNullElse(trial.effectiveRecruitmentStatus(), ""),
                trial.conditions().stream()
                        .map(Trial.Condition::text)
                        .filter(Objects::nonNull)
                        .collect(joining()),
                String.join("; ", trial.phases()),
                Objects.requireNonNullElse(trial.sponsor(), ""),
                trialSites.stream().map(Site::name).filter(Objects::nonNull).collect(joining()),
                trialSites.stream()
                        .map(Site::region)
                        .filter(Objects::nonNull)
                        .distinct()
                        .sorted()
                        .collect(joining()),
                trial.lastUpdated().toString());
    }

    private static java.util.stream.Collector<CharSequence, ?, String> joining() {
        return Collectors.joining("; ");
    }

    private static String firstOf(String preferred, String fallback) {
        return preferred == null || preferred.isBlank() ? Objects.requireNonNullElse(fallback, "") : preferred;
    }

    /**
     * One CSV field (RFC 4180): always quoted, quotes doubled; a value a spreadsheet would run as a formula
     * ({@code = + - @}, tab, CR first) gets a leading apostrophe.
     */
    static String field(String value) {
        var text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    private Path directory() {
        return properties.directory().resolve("dump");
    }

    /** The two files being written, beside their published names. */
    private static final class Writers {
        private final Writer ndjson;
        private final Writer csv;

        Writers(Path directory) throws IOException {
            ndjson = Files.newBufferedWriter(directory.resolve(NDJSON + ".new"), StandardCharsets.UTF_8);
            csv = Files.newBufferedWriter(directory.resolve(CSV + ".new"), StandardCharsets.UTF_8);
            csv(CSV_COLUMNS);
        }

        void ndjson(String line) {
            try {
                ndjson.write(line);
                ndjson.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void csv(List<String> fields) {
            try {
                csv.write(fields.stream().map(PublicDump::field).collect(Collectors.joining(",")));
                csv.write("\r\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void close() {
            try (ndjson;
                    csv) {
                // closes both
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
