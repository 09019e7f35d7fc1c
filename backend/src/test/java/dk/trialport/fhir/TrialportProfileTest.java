package dk.trialport.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.validation.ResultSeverityEnum;
import dk.trialport.support.FhirTestSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.MetadataResource;
import org.hl7.fhir.r4.model.SearchParameter;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.junit.jupiter.api.Test;

/** The published profile: complete for what the FHIR adapter writes, snapshots generated, itself valid R4. */
class TrialportProfileTest {

    /** A Trialport canonical in the code: {@code BASE + "/StructureDefinition/x"} or {@code …/CodeSystem/x}. */
    private static final Pattern CANONICAL =
            Pattern.compile("BASE \\+ \"/(StructureDefinition|CodeSystem)/([A-Za-z0-9.-]+)\"");

    private final TrialportProfile profile = TrialportProfile.get();

    @Test
    void definesEveryExtensionAndCodeSystemTheCodeUses() throws IOException {
        var used = new TreeSet<String>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (var file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                var matcher = CANONICAL.matcher(Files.readString(file));
                while (matcher.find()) {
                    used.add(TrialportFhir.BASE + "/" + matcher.group(1) + "/" + matcher.group(2));
                }
            }
        }
        assertThat(used).hasSizeGreaterThanOrEqualTo(15);
        assertThat(used)
                .allSatisfy(url -> assertThat(profile.byUrl(url)).as(url).isPresent());
        // every code system has its value set
        for (var codeSystem : profile.resources("CodeSystem")) {
            var url = ((CodeSystem) codeSystem).getValueSet();
            assertThat(profile.byUrl(url)).as(url).isPresent();
        }
        // and the R5 cross-version extensions Trialport carries
        for (var url : new String[] {
            TrialportFhir.Extensions.LABEL,
            TrialportFhir.Extensions.RECRUITMENT,
            TrialportFhir.Extensions.DESCRIPTION_SUMMARY,
            TrialportFhir.Extensions.PROGRESS_STATUS,
            TrialportFhir.Extensions.ASSOCIATED_PARTY
        }) {
            assertThat(profile.byUrl(url)).as(url).isPresent();
        }
    }

    @Test
    void everyStructureDefinitionHasAGeneratedSnapshot() {
        assertThat(profile.resources("StructureDefinition"))
                .hasSizeGreaterThanOrEqualTo(17)
                .allSatisfy(resource -> {
                    var definition = (StructureDefinition) resource;
                    assertThat(definition.getSnapshot().getElement())
                            .as(definition.getUrl())
                            .isNotEmpty();
                    assertThat(definition.getSnapshot().getElementFirstRep().getPath())
                            .isEqualTo(definition.getType());
                });
        var study = (StructureDefinition)
                profile.byUrl(TrialportProfile.RESEARCH_STUDY).orElseThrow();
        assertThat(study.getSnapshot().getElement())
                .anyMatch(e -> "ResearchStudy.extension:recruitmentStatus".equals(e.getId()))
                .anyMatch(e -> "ResearchStudy.title".equals(e.getId()));
    }

    @Test
    void theConditionCodeSystemHoldsTheWholeVocabulary() {
        var conditions = (CodeSystem)
                profile.byUrl(TrialportFhir.CodeSystems.CONDITION_CONCEPT).orElseThrow();
        assertThat(conditions.getConcept()).hasSizeGreaterThan(100);
        assertThat(conditions.getConcept()).anySatisfy(concept -> {
            assertThat(concept.getCode()).isEqualTo("nsclc");
            assertThat(concept.getDesignationFirstRep().getValue()).isEqualTo("Ikke-småcellet lungekræft");
        });
    }

    @Test
    void publishesEverySearchParameterTheTrialSearchHas() {
        for (var parameter : StudySearchParameters.ALL) {
            var published = (SearchParameter) profile.byUrl(parameter.url()).orElseThrow();
            assertThat(published.getCode()).isEqualTo(parameter.name());
            assertThat(published.getType()).isEqualTo(parameter.type());
            assertThat(published.getExpression()).isEqualTo(parameter.expression());
            assertThat(published.getIdElement().getIdPart()).isEqualTo(parameter.id());
        }
        assertThat(profile.resources("SearchParameter")).hasSameSizeAs(StudySearchParameters.ALL);
    }

    /**
     * CodeSystems, ValueSets and SearchParameters are valid R4. (StructureDefinitions are checked by their snapshot
     * generation above: HAPI's validator would regenerate a snapshot from the R4 core package, which it looks for on
     * the network.)
     */
    @Test
    void everyOtherResourceOfTheProfileIsValidR4() {
        for (MetadataResource resource : profile.resources()) {
            if (resource instanceof StructureDefinition) {
                continue;
            }
            var errors = FhirTestSupport.messages(resource).stream()
                    .filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
                    .map(m -> m.getLocationString() + ": " + m.getMessage())
                    .toList();
            assertThat(errors).as(resource.getUrl()).isEmpty();
        }
    }
}
