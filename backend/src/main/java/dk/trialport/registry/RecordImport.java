package dk.trialport.registry;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.trialport.catalogue.CatalogueStore;
import dk.trialport.fhir.BundleProcessor;
import dk.trialport.fhir.TrialportFhir;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.hl7.fhir.r4.model.Resource;

/**
 * Imports one mapped registry record: finds the trial it belongs to ({@link RecordLinks}), merges it into
 * that trial ({@link StudyMerge}), leaves out the sites and sponsor the merged trial does not use, and
 * runs the transaction. The record's time in the trial's provenance moves only when the trial changes.
 */
final class RecordImport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final BundleProcessor bundles;
    private final CatalogueStore store;
    private final FhirContext context;
    private final RecordLinks links;
    private final StudyMerge merge;

    RecordImport(BundleProcessor bundles, CatalogueStore store, FhirContext context) {
        this.bundles = bundles;
        this.store = store;
        this.context = context;
        this.links = new RecordLinks(store, context);
        this.merge = new StudyMerge(context);
    }

    /** A record that names no site in Denmark and belongs to no trial in the catalogue: not a Danish trial. */
    static final class NotDanish extends RuntimeException {
        NotDanish() {
            super("No site in Denmark", null, false, false);
        }
    }

    /**
     * Imports the record; returns the trial's version before (-1: new) and after. With {@code danishOnly}, a
     * record without a site (the mapper keeps only Danish ones) that no trial in the catalogue holds yet is not
     * imported ({@link NotDanish}); one that joins a trial already here (say, a CTIS trial with Danish sites) is.
     */
    int[] run(RegistrySource source, String number, Bundle bundle, boolean danishOnly) {
        var entry = bundle.getEntry().stream()
                .filter(e -> e.getResource() instanceof ResearchStudy)
                .findFirst()
                .orElseThrow();
        var mapped = (ResearchStudy) entry.getResource();
        var target = links.target(source, mapped, number);
        if (danishOnly && target == null && !mapped.hasSite()) {
            throw new NotDanish();
        }
        var stored =
                target == null ? null : store.read("ResearchStudy", target.id()).block();
        var storedStudy =
                stored == null ? null : context.newJsonParser().parseResource(ResearchStudy.class, stored.body());
        var before = storedStudy == null ? null : StudyMerge.time(storedStudy, source);
        var merged = merge.merge(storedStudy, mapped, source, before);
        if (storedStudy == null || before == null || !same(storedStudy, merged, bundle)) {
            merged = merge.merge(storedStudy, mapped, source, DateTimeType.now());
        }
        entry.setResource(merged);
        if (target != null) {
            entry.getRequest().setUrl(target.url());
        }
        prune(bundle, merged);
        var response = bundles.transaction(bundle, TrialportFhir.BASE).block();
        return new int[] {stored == null ? -1 : stored.version(), studyVersion(response)};
    }

    /** Drops the entries (sites, sponsor, contacts) that the merged trial does not reach through its references. */
    private void prune(Bundle bundle, ResearchStudy merged) {
        var byUrl = new HashMap<String, Resource>();
        bundle.getEntry().forEach(e -> byUrl.put(e.getFullUrl(), e.getResource()));
        var reached = new HashSet<String>();
        var next = new ArrayDeque<Resource>();
        next.add(merged);
        while (!next.isEmpty()) {
            for (var found : context.newTerser().getAllResourceReferences(next.poll())) {
                var url = found.getResourceReference().getReferenceElement().getValue();
                if (url != null && byUrl.containsKey(url) && reached.add(url)) {
                    next.add(byUrl.get(url));
                }
            }
        }
        bundle.getEntry().removeIf(e -> e.getResource() != merged && !reached.contains(e.getFullUrl()));
    }

    /** Whether the merged trial says what the stored one says, its references to the bundle's resources resolved. */
    private boolean same(ResearchStudy stored, ResearchStudy merged, Bundle bundle) {
        var resolved = merged.copy();
        var ids = existingIds(bundle);
        for (var found : context.newTerser().getAllResourceReferences(resolved)) {
            var reference = found.getResourceReference();
            var id = ids.get(reference.getReferenceElement().getValue());
            if (id != null) {
                reference.setReference(id);
            }
        }
        return withoutStamp(stored).equals(withoutStamp(resolved));
    }

    /** fullUrl → {@code Type/id} of the bundle's conditional entries whose resource exists already. */
    private Map<String, String> existingIds(Bundle bundle) {
        var ids = new HashMap<String, String>();
        for (var entry : bundle.getEntry()) {
            var url = entry.getRequest().getUrl();
            if (entry.getResource() instanceof ResearchStudy || url == null || !url.contains("?identifier=")) {
                continue;
            }
            var type = url.substring(0, url.indexOf('?'));
            var token = URLDecoder.decode(url.substring(url.indexOf('=') + 1), StandardCharsets.UTF_8);
            var found = store.idsByIdentifier(
                            type, token.substring(0, token.indexOf('|')), token.substring(token.indexOf('|') + 1))
                    .collectList()
                    .block();
            if (found.size() == 1) {
                ids.put(entry.getFullUrl(), type + "/" + found.get(0));
            }
        }
        return ids;
    }

    private JsonNode withoutStamp(ResearchStudy study) {
        try {
            var tree = (ObjectNode) JSON.readTree(context.newJsonParser().encodeResourceToString(study));
            tree.remove("id");
            // what the store adds to every trial: its generated narrative and Trialport's profile in meta.profile
            tree.remove("text");
            if (tree.get("meta") instanceof ObjectNode meta) {
                meta.remove("versionId");
                meta.remove("lastUpdated");
                meta.remove("profile");
                if (meta.isEmpty()) {
                    tree.remove("meta");
                }
            }
            return tree;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("HAPI wrote JSON Jackson cannot read", e);
        }
    }

    /** The version of the ResearchStudy in a transaction response ({@code ResearchStudy/id/_history/n}). */
    private static int studyVersion(Bundle response) {
        return response.getEntry().stream()
                .map(entry -> entry.getResponse().getLocation())
                .filter(location -> location != null && location.startsWith("ResearchStudy/"))
                .map(location -> Integer.parseInt(location.substring(location.lastIndexOf('/') + 1)))
                .findFirst()
                .orElseThrow();
    }
}
