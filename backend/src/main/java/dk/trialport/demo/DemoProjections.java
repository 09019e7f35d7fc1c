package dk.trialport.demo;

import dk.trialport.catalogue.Site;
import dk.trialport.catalogue.Trial;
import dk.trialport.catalogue.VersionStamp;
import dk.trialport.fhir.SiteProjector;
import dk.trialport.fhir.TrialProjector;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ResearchStudy;

/**
 * Demo trials as the catalogue would project them, without storing them: each trial the demo generator makes,
 * read by the same projectors a write uses, for bulk loads of benchmark-sized catalogues straight into the
 * index. A site is named by its demo identifier (hospital and department), so trials share sites as they do
 * in the catalogue; a trial is {@code demo-<number>}.
 */
public final class DemoProjections {

    private static final TrialProjector TRIALS = new TrialProjector();

    private final DemoTrialGenerator generator;

    public DemoProjections(long seed) {
        this.generator = new DemoTrialGenerator(seed);
    }

    /** A trial with its sites. */
    public record ProjectedTrial(Trial trial, List<Site> sites) {}

    /** The {@code number}th trial of the seed's sequence; call with 1, 2, 3, … as the generator's own order. */
    public ProjectedTrial trial(int number) {
        var bundle = generator.trial(number);
        var stamp = Instant.EPOCH.plusSeconds(number);
        var siteIds = new HashMap<String, String>();
        var sites = new ArrayList<Site>();
        ResearchStudy study = null;
        for (var entry : bundle.getEntry()) {
            if (entry.getResource() instanceof Location location) {
                var id = "demo-site-" + location.getIdentifierFirstRep().getValue();
                siteIds.put(entry.getFullUrl(), id);
                sites.add(SiteProjector.project(location, new VersionStamp(id, 1, stamp)));
            } else if (entry.getResource() instanceof ResearchStudy researchStudy) {
                study = researchStudy;
            }
        }
        study.setSite(new ArrayList<>(study.getSite().stream()
                .map(site -> new Reference("Location/" + siteIds.get(site.getReference())))
                .toList()));
        return new ProjectedTrial(TRIALS.project(study, new VersionStamp("demo-" + number, 1, stamp)), sites);
    }
}
