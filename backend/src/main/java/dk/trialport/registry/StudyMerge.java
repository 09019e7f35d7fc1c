package dk.trialport.registry;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.ResearchStudy;

/**
 * Merges a registry record's trial into the trial already stored, field by field ({@link StudySlots}):
 * a field goes to the highest-ranked registry that has it, so the result is the same whichever registry
 * is imported last, and importing a registry again changes nothing. Which registry supplied which field
 * is written down in its {@link SourceRecord}; a field its supplier no longer gives is dropped.
 */
final class StudyMerge {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final FhirContext context;

    StudyMerge(FhirContext context) {
        this.context = context;
    }

    /**
     * The merged trial, without id and meta.versionId; {@code time} is when {@code source}'s record changed it.
     *
     * @param stored the trial as stored, or null for a new one
     */
    ResearchStudy merge(ResearchStudy stored, ResearchStudy mapped, RegistrySource source, DateTimeType time) {
        var storedSlots = StudySlots.of(stored == null ? null : tree(stored));
        var mappedSlots = StudySlots.of(tree(mapped));
        var records = stored == null
                ? List.<SourceRecord>of()
                : SourceRecord.of(stored, StudySlots.ordered(storedSlots.keySet()));
        var owners = new HashMap<String, RegistrySource>();
        records.forEach(record -> record.elements()
                .forEach(slot -> owners.merge(slot, record.source(), (a, b) -> b.outranks(a, slot) ? b : a)));

        var names = new LinkedHashSet<>(storedSlots.keySet());
        names.addAll(mappedSlots.keySet());
        var out = StudySlots.Parts.study();
        var claimed = new ArrayList<String>();
        var kept = new HashMap<RegistrySource, List<String>>();
        for (String slot : StudySlots.ordered(names)) {
            var owner = owners.get(slot);
            var other = owner != null && owner != source;
            if (mappedSlots.containsKey(slot)
                    && !(other && owner.outranks(source, slot) && storedSlots.containsKey(slot))) {
                mappedSlots.get(slot).into(out);
                claimed.add(slot);
            } else if (other && storedSlots.containsKey(slot)) {
                storedSlots.get(slot).into(out);
                kept.computeIfAbsent(owner, k -> new ArrayList<>()).add(slot);
            }
        }
        var merged = context.newJsonParser().parseResource(ResearchStudy.class, out.toString());
        var now = new ArrayList<SourceRecord>();
        records.stream()
                .filter(record -> record.source() != source)
                .forEach(record -> now.add(record.withElements(kept.getOrDefault(record.source(), List.of()))));
        now.add(new SourceRecord(source, mapped.getIdentifier(), time, RegistryUpdate.of(mapped), claimed));
        now.sort(Comparator.comparing(SourceRecord::source));
        finish(merged, stored, mapped, source, records, now);
        return merged;
    }

    private static void finish(
            ResearchStudy merged,
            ResearchStudy stored,
            ResearchStudy mapped,
            RegistrySource source,
            List<SourceRecord> before,
            List<SourceRecord> after) {
        var identifiers = MergedIdentifiers.of(
                stored == null ? List.of() : stored.getIdentifier(), mapped.getIdentifier(), before, source);
        merged.setIdentifier(new ArrayList<>(identifiers));
        if (stored != null) {
            stored.getMeta().getTag().stream()
                    .filter(tag -> !RegistryImport.SOURCE_SYSTEM.equals(tag.getSystem()))
                    .forEach(tag -> merged.getMeta().addTag(tag.copy()));
            if (source != RegistrySource.CTGOV) {
                stored.getExtensionsByUrl(RegistryImport.MISSING_UPSTREAM).forEach(e -> merged.addExtension(e.copy()));
            }
        }
        for (SourceRecord record : after) {
            merged.getMeta()
                    .addTag(new Coding(
                            RegistryImport.SOURCE_SYSTEM,
                            record.source().code(),
                            record.source().display()));
            merged.addExtension(record.extension());
        }
    }

    /** The source record's time in a merged trial; null when it has none. */
    static DateTimeType time(ResearchStudy study, RegistrySource source) {
        var records = SourceRecord.of(study, List.of());
        return records.stream()
                .filter(record -> record.source() == source)
                .map(SourceRecord::imported)
                .filter(time -> time != null)
                .findFirst()
                .orElse(null);
    }

    private JsonNode tree(ResearchStudy study) {
        try {
            return JSON.readTree(context.newJsonParser().encodeResourceToString(study));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("HAPI wrote JSON Jackson cannot read", e);
        }
    }
}
