package dk.trialport.registry;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import dk.trialport.catalogue.CatalogueStore;
import dk.trialport.fhir.BundleProcessor;
import dk.trialport.fhir.TrialportFhir;
import dk.trialport.fhir.TrialportFhir.TrialIdentifier;
import dk.trialport.platform.ProgressBar;
import dk.trialport.registry.ImportTally.Outcome;
import dk.trialport.registry.aact.AactStudies;
import dk.trialport.registry.ctgov.CtgovReader;
import dk.trialport.registry.ctgov.CtgovStudyMapper;
import dk.trialport.registry.ctgov.SiteFilter;
import dk.trialport.registry.ctis.CtisStudyMapper;
import dk.trialport.search.vocabulary.ConditionVocabulary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Imports registry records (ClinicalTrials.gov API v2 JSON, AACT {@code studies} CSV, CTIS JSON) through the
 * same transaction path a hospital uses: only Danish locations become sites, and each record is one atomic
 * transaction, merged into the trial another registry already brought when they share a registry number,
 * so a trial is in the catalogue once and importing again changes nothing unless a record changed. A full
 * ClinicalTrials.gov import also marks trials imported earlier that it no longer lists; they are not deleted.
 */
@Component
public class RegistryImport {

    /** Tag on every imported trial: which registry it came from (one tag per registry). */
    public static final String SOURCE_SYSTEM = TrialportFhir.BASE + "/CodeSystem/import-source";
    /** Extension on an imported trial its registry no longer lists: when that was first seen. */
    public static final String MISSING_UPSTREAM = TrialportFhir.BASE + "/StructureDefinition/missing-upstream";
    /** Extension per registry record a trial was imported from (registry, identifiers, time, fields it supplies). */
    public static final String SOURCE_RECORD = SourceRecord.URL;

    private static final Logger log = LoggerFactory.getLogger(RegistryImport.class);

    private final BundleProcessor bundles;
    private final CatalogueStore store;
    private final FhirContext context;
    private final CtgovStudyMapper ctgov = new CtgovStudyMapper();
    private final CtisStudyMapper ctis = new CtisStudyMapper();
    private final AactStudies aact;
    private final RecordImport records;

    RegistryImport(BundleProcessor bundles, CatalogueStore store, FhirContext context, ConditionVocabulary vocabulary) {
        this.bundles = bundles;
        this.store = store;
        this.context = context;
        this.aact = new AactStudies(vocabulary);
        this.records = new RecordImport(bundles, store, context);
    }

    /** Told how far an import is: records done, and in all. */
    public interface Progress {
        void update(long done, long total);
    }

    /** Imports every record under {@code source}; with {@code full}, the source is the registry's whole list. */
    public ImportSummary importCtgov(Path source, boolean full, Progress progress) {
        var files = files(source);
        return importAll(
                RegistrySource.CTGOV.code(),
                each -> files.forEach(file -> read(file, each)),
                this::ctgovRecord,
                full,
                progress);
    }

    /** Imports an AACT {@code studies} extract (CSV) through the same path, as ClinicalTrials.gov records. */
    public ImportSummary importAact(Path csv, Progress progress) {
        return importAll(
                RegistrySource.CTGOV.code() + " (AACT)",
                each -> aact.read(csv, each),
                this::ctgovRecord,
                false,
                progress);
    }

    /** Imports CTIS trial records (a file holding one or an array, or a directory of such files). */
    public ImportSummary importCtis(Path source, Progress progress) {
        var files = files(source);
        return importAll(
                RegistrySource.CTIS.code(),
                each -> files.forEach(file -> read(file, each)),
                this::ctisRecord,
                false,
                progress);
    }

    private ImportSummary importAll(
            String source,
            Consumer<Consumer<JsonNode>> records,
            Function<JsonNode, Outcome> importer,
            boolean full,
            Progress progress) {
        var tally = new ImportTally(source);
        long[] counted = {0};
        records.accept(study -> counted[0]++);
        long total = counted[0];
        var bar = new ProgressBar("Import " + source, total);
        progress.update(0, total);
        records.accept(study -> {
            tally.add(importer.apply(study));
            bar.advance(1);
            progress.update(bar.done(), total);
        });
        return finish(tally, full ? markMissing(tally.seen()) : 0);
    }

    /** The summary of what the tally counted, logged (registry numbers and reasons only). */
    ImportSummary finish(ImportTally tally, int missing) {
        var summary = tally.summary(missing);
        log.info("Import {}", summary.line());
        summary.rejected().forEach(rejection -> log.info("Rejected {}: {}", rejection.record(), rejection.reason()));
        return summary;
    }

    /** Imports one ClinicalTrials.gov API v2 study (the live sync feeds them page by page). */
    Outcome ctgovRecord(JsonNode json) {
        var nct = json.path("protocolSection")
                .path("identificationModule")
                .path("nctId")
                .asText(null);
        return importOne(
                RegistrySource.CTGOV,
                nct,
                "(a record without nctId)",
                true,
                () -> ctgov.toTransaction(json, SiteFilter.DENMARK_ONLY));
    }

    private Outcome ctisRecord(JsonNode json) {
        return ctisRecord(json, false);
    }

    /** Imports one CTIS trial; with {@code danishOnly} one without a Danish site is skipped (the live sync). */
    Outcome ctisRecord(JsonNode json, boolean danishOnly) {
        var ctNumber = json.path("ctNumber").asText(null);
        return importOne(
                RegistrySource.CTIS,
                ctNumber,
                "(a record without ctNumber)",
                danishOnly,
                () -> ctis.toTransaction(json));
    }

    private Outcome importOne(
            RegistrySource source,
            String number,
            String unnamed,
            boolean danishOnly,
            java.util.function.Supplier<Bundle> mapping) {
        String record = number == null ? unnamed : number;
        try {
            var versions = records.run(source, number, mapping.get(), danishOnly);
            var kind = versions[0] < 0
                    ? Outcome.Kind.CREATED
                    : versions[0] == versions[1] ? Outcome.Kind.UNCHANGED : Outcome.Kind.UPDATED;
            return new Outcome(record, number, kind, null);
        } catch (RecordImport.NotDanish e) {
            return new Outcome(record, number, Outcome.Kind.SKIPPED_NOT_DANISH, e.getMessage());
        } catch (RuntimeException e) {
            return new Outcome(record, number, Outcome.Kind.REJECTED, e.getMessage());
        }
    }

    /** Marks trials from ClinicalTrials.gov that the import did not see; returns how many were newly marked. */
    private int markMissing(Set<String> seen) {
        var missing = store.identifiersOf("ResearchStudy", TrialIdentifier.NCT).collectList().block().stream()
                .filter(owner -> !seen.contains(owner.value()))
                .toList();
        int marked = 0;
        for (var owner : missing) {
            var stored = store.read("ResearchStudy", owner.id()).block();
            var study = context.newJsonParser().parseResource(ResearchStudy.class, stored.body());
            if (study.getMeta().getTag(SOURCE_SYSTEM, RegistrySource.CTGOV.code()) == null
                    || study.hasExtension(MISSING_UPSTREAM)) {
                continue;
            }
            study.addExtension(MISSING_UPSTREAM, DateTimeType.now());
            var bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
            bundle.addEntry()
                    .setResource(study)
                    .getRequest()
                    .setMethod(Bundle.HTTPVerb.PUT)
                    .setUrl("ResearchStudy/" + owner.id());
            bundles.transaction(bundle, TrialportFhir.BASE).block();
            log.info(
                    "ResearchStudy/{} ({}) is no longer listed by {}: marked",
                    owner.id(),
                    owner.value(),
                    RegistrySource.CTGOV.code());
            marked++;
        }
        return marked;
    }

    private static List<Path> files(Path source) {
        if (!Files.isDirectory(source)) {
            return List.of(source);
        }
        try (Stream<Path> listing = Files.list(source)) {
            return listing.filter(path -> path.toString().endsWith(".json"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + source, e);
        }
    }

    private static void read(Path file, Consumer<JsonNode> each) {
        try {
            CtgovReader.read(file, each);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
