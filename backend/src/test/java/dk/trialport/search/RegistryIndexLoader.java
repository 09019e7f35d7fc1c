package dk.trialport.search;

import com.fasterxml.jackson.databind.JsonNode;
import dk.trialport.catalogue.Site;
import dk.trialport.catalogue.VersionStamp;
import dk.trialport.fhir.SiteProjector;
import dk.trialport.fhir.TrialProjector;
import dk.trialport.registry.aact.AactStudies;
import dk.trialport.registry.ctgov.CtgovReader;
import dk.trialport.registry.ctgov.CtgovStudyMapper;
import dk.trialport.registry.ctgov.SiteFilter;
import dk.trialport.search.vocabulary.ConditionVocabulary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.springframework.context.ApplicationContext;

/**
 * Loads real registry records (ClinicalTrials.gov API v2 files, an AACT {@code studies} extract) straight into the
 * index, as {@link DemoIndexLoader} does the demo trials: each record mapped by the registry import's own mappers
 * (Danish sites only; a record without one is not Danish and left out), projected by the catalogue's projectors and
 * turned into a document by the indexer's builder. PostgreSQL is not written, so a catalogue of a thousand real
 * trials is there in seconds rather than the import's minutes. A trial is {@code registry-<NCT number>}; a record
 * in both sources is taken from the first.
 */
final class RegistryIndexLoader {

    private RegistryIndexLoader() {}

    /** Loads the records and returns how many trials were written. */
    static int load(ApplicationContext context, List<Path> ctgovFiles, Path aactCsv) throws IOException {
        var index = context.getBean(TrialIndex.class);
        var documents = context.getBean(TrialDocuments.class);
        var records = new LinkedHashMap<String, JsonNode>();
        for (var file : ctgovFiles) {
            CtgovReader.read(file, json -> records.putIfAbsent(nct(json), json));
        }
        if (aactCsv != null && Files.exists(aactCsv)) {
            new AactStudies(context.getBean(ConditionVocabulary.class))
                    .read(aactCsv, json -> records.putIfAbsent(nct(json), json));
        }
        var mapper = new CtgovStudyMapper();
        var projector = new TrialProjector();
        var page = new ArrayList<TrialDocument>();
        int number = 0;
        for (var entry : records.entrySet()) {
            number++;
            try {
                var bundle = mapper.toTransaction(entry.getValue(), SiteFilter.DENMARK_ONLY);
                var stamp = Instant.EPOCH.plusSeconds(number);
                var siteIds = new HashMap<String, String>();
                var sites = new ArrayList<Site>();
                ResearchStudy study = null;
                for (var bundleEntry : bundle.getEntry()) {
                    if (bundleEntry.getResource() instanceof Location location) {
                        var id = "registry-site-" + number + "-" + sites.size();
                        siteIds.put(bundleEntry.getFullUrl(), id);
                        sites.add(SiteProjector.project(location, new VersionStamp(id, 1, stamp)));
                    } else if (bundleEntry.getResource() instanceof ResearchStudy researchStudy) {
                        study = researchStudy;
                    }
                }
                if (study == null || sites.isEmpty()) {
                    continue;
                }
                study.setSite(new ArrayList<>(study.getSite().stream()
                        .filter(site -> siteIds.containsKey(site.getReference()))
                        .map(site -> new Reference("Location/" + siteIds.get(site.getReference())))
                        .toList()));
                var trial = projector.project(study, new VersionStamp("registry-" + entry.getKey(), 1, stamp));
                page.add(documents.document(trial, sites, null));
            } catch (RuntimeException e) {
                // a record the import would reject (its reason is the import's business, not the benchmark's)
            }
        }
        index.write(index.alias(), page, List.of());
        index.refresh(index.alias());
        System.out.printf(
                "BENCHMARK loaded %d Danish registry trials of %d records into the index%n",
                page.size(), records.size());
        return page.size();
    }

    private static String nct(JsonNode json) {
        return json.path("protocolSection")
                .path("identificationModule")
                .path("nctId")
                .asText("");
    }
}
