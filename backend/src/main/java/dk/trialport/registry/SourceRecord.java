package dk.trialport.registry;

import dk.trialport.fhir.TrialportFhir;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.hl7.fhir.r4.model.StringType;

/**
 * Provenance of an imported trial: one {@link #URL} extension per registry record that contributed to it,
 * with the registry ({@code source}), the record's identifiers (its own number first), when it last
 * changed the trial ({@code imported}), when the record last changed at its registry ({@code updated}, when the
 * registry says: {@link RegistryUpdate}) and the fields of the trial it supplies ({@code element}).
 */
record SourceRecord(
        RegistrySource source,
        List<Identifier> identifiers,
        DateTimeType imported,
        DateTimeType updated,
        List<String> elements) {

    static final String URL = TrialportFhir.Extensions.SOURCE_RECORD;

    /** The source records of a stored trial; a trial imported before they were kept counts as one record of its tag. */
    static List<SourceRecord> of(ResearchStudy study, List<String> slots) {
        var records = new ArrayList<SourceRecord>();
        for (Extension extension : study.getExtensionsByUrl(URL)) {
            var source = extension.getExtensionByUrl("source") == null
                    ? null
                    : RegistrySource.of(
                            ((Coding) extension.getExtensionByUrl("source").getValue()).getCode());
            if (source == null) {
                continue;
            }
            var identifiers = extension.getExtensionsByUrl("identifier").stream()
                    .map(e -> (Identifier) e.getValue())
                    .toList();
            var imported = extension.getExtensionByUrl("imported") == null
                    ? null
                    : (DateTimeType) extension.getExtensionByUrl("imported").getValue();
            var updated = extension.getExtensionByUrl("updated") == null
                    ? null
                    : (DateTimeType) extension.getExtensionByUrl("updated").getValue();
            var elements = extension.getExtensionsByUrl("element").stream()
                    .map(e -> e.getValue().primitiveValue())
                    .toList();
            records.add(new SourceRecord(source, identifiers, imported, updated, elements));
        }
        if (records.isEmpty()) {
            study.getMeta().getTag().stream()
                    .filter(tag -> RegistryImport.SOURCE_SYSTEM.equals(tag.getSystem()))
                    .map(tag -> RegistrySource.of(tag.getCode()))
                    .filter(source -> source != null)
                    .findFirst()
                    .ifPresent(source -> records.add(new SourceRecord(
                            source,
                            study.getIdentifier(),
                            new DateTimeType(study.getMeta().getLastUpdated()),
                            null,
                            slots)));
        }
        return records;
    }

    /** This record as the extension; identifiers keep only system and value. */
    Extension extension() {
        var extension = new Extension(URL);
        extension.addExtension("source", new Coding(RegistryImport.SOURCE_SYSTEM, source.code(), source.display()));
        for (Identifier identifier : identifiers) {
            extension.addExtension(
                    "identifier",
                    new Identifier().setSystem(identifier.getSystem()).setValue(identifier.getValue()));
        }
        if (imported != null) {
            extension.addExtension("imported", imported.copy());
        }
        if (updated != null) {
            extension.addExtension("updated", updated.copy());
        }
        elements.forEach(element -> extension.addExtension("element", new StringType(element)));
        return extension;
    }

    boolean lists(Identifier identifier) {
        return identifiers.stream()
                .anyMatch(own -> own.getSystem() != null
                        && own.getSystem().equals(identifier.getSystem())
                        && own.getValue() != null
                        && own.getValue().equals(identifier.getValue()));
    }

    SourceRecord withElements(List<String> kept) {
        return new SourceRecord(source, identifiers, imported, updated, kept);
    }

    SourceRecord at(DateTimeType time) {
        return new SourceRecord(source, identifiers, time, updated, elements);
    }
}
