package dk.trialport.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.context.support.ValidationSupportContext;
import dk.trialport.search.vocabulary.ConditionVocabulary;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.MetadataResource;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Trialport's FHIR profile: the conformance resources in {@code src/main/resources/fhir/profile/} (StructureDefinition
 * differentials of the profiles and extensions, CodeSystems, ValueSets, SearchParameters), read once, the condition
 * vocabulary's concepts added to its CodeSystem and every StructureDefinition given the snapshot HAPI generates from
 * its differential and the R4 core definitions. Served under {@code /fhir}, packed as a FHIR package and used by the
 * validator.
 */
public final class TrialportProfile {

    /** The FHIR package name and version of the profile. */
    public static final String PACKAGE_NAME = "dk.trialport.fhir";

    public static final String VERSION = "0.1.0";

    /** Canonical URL prefix of the profile's StructureDefinitions. */
    public static final String STRUCTURE_DEFINITION = TrialportFhir.BASE + "/StructureDefinition/";

    public static final String RESEARCH_STUDY = STRUCTURE_DEFINITION + "trialport-researchstudy";
    public static final String LOCATION = STRUCTURE_DEFINITION + "trialport-location";
    public static final String ORGANIZATION = STRUCTURE_DEFINITION + "trialport-organization";
    public static final String RESEARCH_SUBJECT = STRUCTURE_DEFINITION + "trialport-researchsubject";

    /** The person and the consent contained in a candidate (ResearchSubject). */
    public static final String CANDIDATE_PERSON = STRUCTURE_DEFINITION + "trialport-candidate-person";

    public static final String CANDIDATE_CONSENT = STRUCTURE_DEFINITION + "trialport-candidate-consent";

    /** What {@code ResearchStudy/$match} takes. */
    public static final String MATCH_PARAMETERS = STRUCTURE_DEFINITION + "trialport-match-parameters";

    /** The profile each resource type Trialport serves conforms to. */
    public static final Map<String, String> PROFILE_OF = Map.of(
            "ResearchStudy", RESEARCH_STUDY,
            "Location", LOCATION,
            "Organization", ORGANIZATION,
            "ResearchSubject", RESEARCH_SUBJECT);

    /** The conformance resource types the profile holds, as served under {@code /fhir}. */
    public static final List<String> TYPES =
            List.of("StructureDefinition", "CodeSystem", "ValueSet", "SearchParameter");

    private static final String LOCATION_PATTERN = "classpath*:fhir/profile/*.json";
    private static final String EXAMPLES_PATTERN = "classpath*:fhir/profile/example/*.json";

    private static TrialportProfile loaded;

    private final FhirContext context;
    private final List<MetadataResource> resources;
    private final List<Resource> examples;
    private volatile byte[] packageBytes;

    private TrialportProfile(FhirContext context, List<MetadataResource> resources, List<Resource> examples) {
        this.context = context;
        this.resources = List.copyOf(resources);
        this.examples = List.copyOf(examples);
    }

    /** The profile, read and its snapshots generated once per JVM (R4). */
    public static synchronized TrialportProfile get() {
        if (loaded == null) {
            loaded = load(FhirContext.forR4Cached());
        }
        return loaded;
    }

    static TrialportProfile load(FhirContext context) {
        var read = TrialportProfile.<MetadataResource>read(context, LOCATION_PATTERN);
        if (read.isEmpty()) {
            throw new IllegalStateException("Trialport's FHIR profile is missing: no " + LOCATION_PATTERN);
        }
        read.stream()
                .filter(r ->
                        r instanceof CodeSystem cs && TrialportFhir.CodeSystems.CONDITION_CONCEPT.equals(cs.getUrl()))
                .forEach(r -> addConditionConcepts((CodeSystem) r));
        var examples = TrialportProfile.<Resource>read(context, EXAMPLES_PATTERN);
        // the examples carry the narrative the server would give them
        examples.forEach(example -> TrialportNarratives.generate(context, example));
        return new TrialportProfile(context, withSnapshots(context, read), examples);
    }

    @SuppressWarnings("unchecked")
    private static <T extends Resource> List<T> read(FhirContext context, String pattern) {
        var read = new ArrayList<T>();
        var parser = context.newJsonParser();
        try {
            var files = new PathMatchingResourcePatternResolver().getResources(pattern);
            Arrays.sort(files, Comparator.comparing(f -> String.valueOf(f.getFilename())));
            for (var file : files) {
                try (var reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
                    read.add((T) parser.parseResource(reader));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read Trialport's FHIR profile", e);
        }
        return read;
    }

    /** The condition vocabulary ({@code search/conditions.tsv}) is the source of the condition CodeSystem's concepts. */
    private static void addConditionConcepts(CodeSystem codeSystem) {
        codeSystem.getConcept().clear();
        for (var concept : ConditionVocabulary.load().concepts()) {
            var added = codeSystem
                    .addConcept()
                    .setCode(concept.id())
                    .setDisplay(concept.englishNames().getFirst());
            added.addDesignation()
                    .setLanguage("da")
                    .setValue(concept.danishNames().getFirst());
            concept.parents()
                    .forEach(parent -> added.addProperty().setCode("parent").setValue(new CodeType(parent)));
        }
        codeSystem.setCount(codeSystem.getConcept().size());
    }

    /**
     * Every StructureDefinition with the snapshot HAPI generates from its differential (extensions first, since the
     * profiles use them); the differentials are the only source, no snapshot is ever written by hand.
     */
    private static List<MetadataResource> withSnapshots(FhirContext context, List<MetadataResource> read) {
        var definitions = read.stream()
                .filter(StructureDefinition.class::isInstance)
                .map(StructureDefinition.class::cast)
                .sorted(Comparator.comparing(sd -> "Extension".equals(sd.getType()) ? 0 : 1))
                .toList();
        var generated = new LinkedHashMap<String, StructureDefinition>();
        var generator = new SnapshotGeneratingValidationSupport(context);
        var support = new PrePopulatedValidationSupport(context);
        read.forEach(r -> support.addResource(r.copy()));
        // No cache: each StructureDefinition is replaced by its snapshot version as soon as that exists.
        var chain = new ValidationSupportChain(
                ValidationSupportChain.CacheConfiguration.disabled(),
                new DefaultProfileValidationSupport(context),
                support,
                new InMemoryTerminologyServerValidationSupport(context),
                new CommonCodeSystemsTerminologyService(context));
        var validationContext = new ValidationSupportContext(chain);
        for (var definition : definitions) {
            var copy = definition.copy();
            copy.setSnapshot(null);
            var result = (StructureDefinition)
                    generator.generateSnapshot(validationContext, copy, copy.getUrl(), null, copy.getName());
            if (result == null
                    || !result.hasSnapshot()
                    || result.getSnapshot().getElement().isEmpty()) {
                throw new IllegalStateException("No snapshot could be generated for " + definition.getUrl());
            }
            generated.put(definition.getUrl(), result);
            support.addStructureDefinition(result);
        }
        return read.stream()
                .map(r -> r instanceof StructureDefinition sd ? (MetadataResource) generated.get(sd.getUrl()) : r)
                .toList();
    }

    /** Declares in {@code meta.profile} the profile a resource of its type conforms to, if Trialport has one. */
    public static void declareOn(org.hl7.fhir.r4.model.Resource resource) {
        var profile = PROFILE_OF.get(resource.fhirType());
        if (profile != null && !resource.getMeta().hasProfile(profile)) {
            resource.getMeta().addProfile(profile);
        }
    }

    /** Every resource of the profile, StructureDefinitions with their snapshots. */
    public List<MetadataResource> resources() {
        return resources;
    }

    /** One resource of the profile as people read about it: title, canonical URL, where it is served, what it is. */
    public record Entry(String title, String url, String path, String description) {}

    /** What the profile holds, in plain Java for pages (only the FHIR adapter speaks HAPI). */
    public record Contents(
            List<Entry> profiles,
            List<Entry> extensions,
            List<Entry> codeSystems,
            List<Entry> valueSets,
            List<Entry> searchParameters,
            List<String> examples) {}

    public Contents contents() {
        var definitions = resources("StructureDefinition");
        return new Contents(
                entries(definitions.stream()
                        .filter(r -> !"Extension".equals(((StructureDefinition) r).getType()))
                        .toList()),
                entries(definitions.stream()
                        .filter(r -> "Extension".equals(((StructureDefinition) r).getType()))
                        .toList()),
                entries(resources("CodeSystem")),
                entries(resources("ValueSet")),
                entries(resources("SearchParameter")),
                examples.stream()
                        .map(r -> r.fhirType() + "/" + r.getIdElement().getIdPart())
                        .toList());
    }

    private static List<Entry> entries(List<MetadataResource> resources) {
        return resources.stream()
                .map(r -> new Entry(
                        r.hasTitle() ? r.getTitle() : r.getName(),
                        r.getUrl(),
                        "/fhir/" + r.fhirType() + "/" + r.getIdElement().getIdPart(),
                        r.getDescription()))
                .toList();
    }

    /** One valid instance of each profile, as shipped in the package. */
    public List<Resource> examples() {
        return examples;
    }

    /** The profile as a FHIR package ({@code .tgz}), built once. */
    public byte[] packageBytes() {
        if (packageBytes == null) {
            packageBytes = ProfilePackage.build(this, context);
        }
        return packageBytes.clone();
    }

    /** The profile's resources of one type. */
    public List<MetadataResource> resources(String type) {
        return resources.stream().filter(r -> r.fhirType().equals(type)).toList();
    }

    public Optional<MetadataResource> read(String type, String id) {
        return resources(type).stream()
                .filter(r -> r.getIdElement().getIdPart().equals(id))
                .findFirst();
    }

    public Optional<MetadataResource> byUrl(String url) {
        return resources.stream().filter(r -> r.getUrl().equals(url)).findFirst();
    }

    /** The profile for a validation support chain: StructureDefinitions, CodeSystems, ValueSets, SearchParameters. */
    public IValidationSupport validationSupport() {
        var support = new PrePopulatedValidationSupport(context);
        resources.forEach(r -> support.addResource(r.copy()));
        return support;
    }
}
