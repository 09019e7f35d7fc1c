package dk.trialport.fhir;

import ca.uhn.fhir.context.FhirContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.hl7.fhir.r4.model.MetadataResource;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StructureDefinition;
import tools.jackson.databind.json.JsonMapper;

/**
 * Trialport's profile as a FHIR NPM package ({@code dk.trialport.fhir}): {@code package/package.json}, every
 * conformance resource with its generated snapshot, the examples in {@code package/example/} and the
 * {@code .index.json} of each folder, as FHIR tooling (HAPI's {@code NpmPackageValidationSupport}, the HL7 validator's
 * {@code -ig}) loads it. Built once, from the same resources the server serves.
 */
public final class ProfilePackage {

    public static final String FILE_NAME = TrialportProfile.PACKAGE_NAME + "-" + TrialportProfile.VERSION + ".tgz";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProfilePackage() {}

    /** The package's bytes (a gzipped tar). */
    public static byte[] build(TrialportProfile profile, FhirContext context) {
        var parser = context.newJsonParser().setPrettyPrint(true);
        var files = new LinkedHashMap<String, byte[]>();
        files.put("package/package.json", json(manifest()));
        var index = new java.util.ArrayList<Map<String, Object>>();
        for (MetadataResource resource : profile.resources()) {
            var name = resource.fhirType() + "-" + resource.getIdElement().getIdPart() + ".json";
            files.put("package/" + name, parser.encodeResourceToString(resource).getBytes(StandardCharsets.UTF_8));
            index.add(entry(name, resource));
        }
        files.put("package/.index.json", json(Map.of("index-version", 1, "files", index)));
        var exampleIndex = new java.util.ArrayList<Map<String, Object>>();
        for (Resource example : profile.examples()) {
            var name = example.fhirType() + "-" + example.getIdElement().getIdPart() + ".json";
            files.put(
                    "package/example/" + name,
                    parser.encodeResourceToString(example).getBytes(StandardCharsets.UTF_8));
            exampleIndex.add(entry(name, example));
        }
        if (!exampleIndex.isEmpty()) {
            files.put("package/example/.index.json", json(Map.of("index-version", 1, "files", exampleIndex)));
        }
        return tgz(files);
    }

    private static Map<String, Object> manifest() {
        var manifest = new LinkedHashMap<String, Object>();
        manifest.put("name", TrialportProfile.PACKAGE_NAME);
        manifest.put("version", TrialportProfile.VERSION);
        manifest.put("canonical", TrialportFhir.BASE);
        manifest.put("url", TrialportFhir.BASE);
        manifest.put("title", "Trialport FHIR profile");
        manifest.put(
                "description",
                "The FHIR R4 profile of Trialport, the national catalogue of clinical trials in Denmark: profiles of"
                        + " ResearchStudy, Location, Organization and ResearchSubject, Trialport's extensions, code systems,"
                        + " value sets and search parameters, and the R5 cross-version ResearchStudy extensions it uses.");
        manifest.put("fhirVersions", List.of("4.0.1"));
        manifest.put("type", "fhir.ig");
        manifest.put("author", "Trialport");
        manifest.put("jurisdiction", "urn:iso:std:iso:3166#DK");
        manifest.put("dependencies", Map.of("hl7.fhir.r4.core", "4.0.1"));
        return manifest;
    }

    private static Map<String, Object> entry(String file, Resource resource) {
        var entry = new LinkedHashMap<String, Object>();
        entry.put("filename", file);
        entry.put("resourceType", resource.fhirType());
        entry.put("id", resource.getIdElement().getIdPart());
        if (resource instanceof MetadataResource metadata) {
            entry.put("url", metadata.getUrl());
            entry.put("version", metadata.getVersion());
        }
        if (resource instanceof StructureDefinition definition) {
            entry.put("kind", definition.getKind().toCode());
            entry.put("type", definition.getType());
            entry.put("derivation", definition.getDerivation().toCode());
        }
        return entry;
    }

    private static byte[] json(Object value) {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(value);
    }

    private static byte[] tgz(Map<String, byte[]> files) {
        var bytes = new ByteArrayOutputStream();
        try (var tar = new TarArchiveOutputStream(new GZIPOutputStream(bytes))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (var file : files.entrySet()) {
                var entry = new TarArchiveEntry(file.getKey());
                entry.setSize(file.getValue().length);
                entry.setModTime(0);
                tar.putArchiveEntry(entry);
                tar.write(file.getValue());
                tar.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
