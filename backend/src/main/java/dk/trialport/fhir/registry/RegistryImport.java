package dk.trialport.fhir.registry;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import dk.trialport.catalogue.CatalogueStore;
import dk.trialport.fhir.BundleProcessor;
import dk.trialport.fhir.TrialportFhir;
import dk.trialport.fhir.TrialportFhir.TrialIdentifier;
import dk.trialport.fhir.ctgov.CtgovReader;
import dk.trialport.fhir.ctgov.CtgovStudyMapper;
import dk.trialport.fhir.ctgov.SiteFilter;
import dk.trialport.platform.ProgressBar;
import dk.trialport.search.vocabulary.ConditionVocabulary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Imports ClinicalTrials.gov API v2 study records (a file, or a directory of files) through the same
 * transaction path a hospital uses: only Danish locations become sites, each record is one atomic
 * transaction keyed by its NCT number, so importing again changes nothing unless the record changed.
 * A full import also marks trials imported earlier that the registry no longer lists; they are not deleted.
 */
@Component
public class RegistryImport {

  /** Tag on every imported trial: which registry it came from. */
  public static final String SOURCE_SYSTEM = TrialportFhir.BASE + "/CodeSystem/import-source";
  /** Extension on an imported trial its registry no longer lists: when that was first seen. */
  public static final String MISSING_UPSTREAM = TrialportFhir.BASE + "/StructureDefinition/missing-upstream";
  static final String CTGOV = "clinicaltrials.gov";

  private static final Logger log = LoggerFactory.getLogger(RegistryImport.class);

  private final BundleProcessor bundles;
  private final CatalogueStore store;
  private final FhirContext context;
  private final CtgovStudyMapper mapper = new CtgovStudyMapper();
  private final AactStudies aact;

  RegistryImport(BundleProcessor bundles, CatalogueStore store, FhirContext context, ConditionVocabulary vocabulary) {
    this.bundles = bundles;
    this.store = store;
    this.context = context;
    this.aact = new AactStudies(vocabulary);
  }

  /** Told how far an import is: records done, and in all. */
  public interface Progress {
    void update(long done, long total);
  }

  /** Imports every record under {@code source}; with {@code full}, the source is the registry's whole list. */
  public ImportSummary importCtgov(Path source, boolean full, Progress progress) {
    var files = files(source);
    return importAll(CTGOV, each -> files.forEach(file -> read(file, each)), full, progress);
  }

  /** Imports an AACT {@code studies} extract (CSV) through the same path, as ClinicalTrials.gov records. */
  public ImportSummary importAact(Path csv, Progress progress) {
    return importAll(CTGOV + " (AACT)", each -> aact.read(csv, each), false, progress);
  }

  private ImportSummary importAll(String source, Consumer<Consumer<JsonNode>> records, boolean full,
      Progress progress) {
    var tally = new Tally(source);
    long[] counted = {0};
    records.accept(study -> counted[0]++);
    long total = counted[0];
    var bar = new ProgressBar("Import " + source, total);
    progress.update(0, total);
    records.accept(study -> {
      tally.add(importOne(study));
      bar.advance(1);
      progress.update(bar.done(), total);
    });
    int missing = full ? markMissing(tally.seen) : 0;
    var summary = tally.summary(missing);
    log.info("Import {}", summary.line());
    summary.rejected().forEach(rejection -> log.info("Rejected {}: {}", rejection.record(), rejection.reason()));
    return summary;
  }

  private Outcome importOne(JsonNode json) {
    var nct = json.path("protocolSection").path("identificationModule").path("nctId").asText(null);
    String record = nct == null ? "(a record without nctId)" : nct;
    try {
      var before = currentVersion(nct);
      var bundle = mapper.toTransaction(json, SiteFilter.DENMARK_ONLY);
      study(bundle).getMeta().addTag(new Coding(SOURCE_SYSTEM, CTGOV, "ClinicalTrials.gov"));
      var response = bundles.transaction(bundle, TrialportFhir.BASE).block();
      int after = studyVersion(response);
      var kind = before == null ? Outcome.Kind.CREATED : before == after ? Outcome.Kind.UNCHANGED : Outcome.Kind.UPDATED;
      return new Outcome(record, nct, kind, null);
    } catch (RuntimeException e) {
      return new Outcome(record, nct, Outcome.Kind.REJECTED, e.getMessage());
    }
  }

  /** Marks trials from this registry that the import did not see; returns how many were newly marked. */
  private int markMissing(Set<String> seen) {
    var missing = store.identifiersOf("ResearchStudy", TrialIdentifier.NCT).collectList().block().stream()
        .filter(owner -> !seen.contains(owner.value())).toList();
    int marked = 0;
    for (var owner : missing) {
      var stored = store.read("ResearchStudy", owner.id()).block();
      var study = context.newJsonParser().parseResource(ResearchStudy.class, stored.body());
      if (study.getMeta().getTag(SOURCE_SYSTEM, CTGOV) == null || study.hasExtension(MISSING_UPSTREAM)) {
        continue;
      }
      study.addExtension(MISSING_UPSTREAM, DateTimeType.now());
      var bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
      bundle.addEntry().setResource(study).getRequest().setMethod(Bundle.HTTPVerb.PUT)
          .setUrl("ResearchStudy/" + owner.id());
      bundles.transaction(bundle, TrialportFhir.BASE).block();
      log.info("ResearchStudy/{} ({}) is no longer listed by {}: marked", owner.id(), owner.value(), CTGOV);
      marked++;
    }
    return marked;
  }

  private Integer currentVersion(String nct) {
    if (nct == null) {
      return null;
    }
    var id = store.idsByIdentifier("ResearchStudy", TrialIdentifier.NCT, nct).next().block();
    return id == null ? null : store.read("ResearchStudy", id).block().version();
  }

  private static ResearchStudy study(Bundle bundle) {
    return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
        .filter(ResearchStudy.class::isInstance).map(ResearchStudy.class::cast).findFirst().orElseThrow();
  }

  /** The version of the ResearchStudy in a transaction response ({@code ResearchStudy/id/_history/n}). */
  private static int studyVersion(Bundle response) {
    return response.getEntry().stream().map(entry -> entry.getResponse().getLocation())
        .filter(location -> location != null && location.startsWith("ResearchStudy/"))
        .map(location -> Integer.parseInt(location.substring(location.lastIndexOf('/') + 1)))
        .findFirst().orElseThrow();
  }

  private static List<Path> files(Path source) {
    if (!Files.isDirectory(source)) {
      return List.of(source);
    }
    try (Stream<Path> listing = Files.list(source)) {
      return listing.filter(path -> path.toString().endsWith(".json")).sorted().toList();
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

  /** What happened to one record. */
  record Outcome(String record, String nct, Kind kind, String reason) {
    enum Kind { CREATED, UPDATED, UNCHANGED, REJECTED }
  }

  /** Counts outcomes as they come. */
  private static final class Tally {
    private final String source;
    private final Set<String> seen = new HashSet<>();
    private final List<ImportSummary.Rejection> rejected = new ArrayList<>();
    private int created;
    private int updated;
    private int unchanged;

    Tally(String source) {
      this.source = source;
    }

    void add(Outcome outcome) {
      if (outcome.nct() != null) {
        seen.add(outcome.nct());
      }
      switch (outcome.kind()) {
        case CREATED -> created++;
        case UPDATED -> updated++;
        case UNCHANGED -> unchanged++;
        case REJECTED -> rejected.add(new ImportSummary.Rejection(outcome.record(), outcome.reason()));
      }
    }

    ImportSummary summary(int missing) {
      return new ImportSummary(source, created, updated, unchanged, List.copyOf(rejected), missing);
    }
  }
}
