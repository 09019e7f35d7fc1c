package dk.trialport.search.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.trialport.support.SharedData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Real ClinicalTrials.gov conditions in {@code ../shared/data/ctgov/} map to the vocabulary (skipped when absent). */
class CtgovConditionCoverageTest {

    private static final ConditionVocabulary VOCABULARY = ConditionVocabulary.load();

    @Test
    void nearlyEveryNsclcTrialIsLungCancerAndMostTrialsHaveAnArea() throws IOException {
        var directory = SharedData.directory("ctgov");
        Assumptions.assumeTrue(
                directory.isPresent(),
                "ClinicalTrials.gov data absent: no shared/data/ctgov above "
                        + Path.of("").toAbsolutePath());
        var nsclc = expansions(directory.get().resolve("ctgov-nsclc-100.json"));
        var mixed = expansions(directory.get().resolve("ctgov-mixed-50.json"));
        var all = new ArrayList<>(nsclc);
        all.addAll(mixed);

        var lungCancer = nsclc.stream()
                .filter(e -> e.conceptIds().contains("lung-cancer"))
                .count();
        var withArea = all.stream().filter(e -> !e.areas().isEmpty()).count();
        var areas = new TreeSet<String>();
        all.forEach(e -> areas.addAll(e.areas()));
        System.out.printf(
                "ctgov conditions: %d of %d NSCLC trials map to lung cancer; %d of %d trials (%.0f%%) have an "
                        + "area; areas seen: %s%n",
                lungCancer, nsclc.size(), withArea, all.size(), 100.0 * withArea / all.size(), areas);

        assertThat(nsclc).hasSize(100);
        assertThat(lungCancer).isGreaterThanOrEqualTo(90);
        assertThat(withArea).isGreaterThanOrEqualTo(all.size() * 85 / 100);
    }

    private static List<Expansion> expansions(Path file) throws IOException {
        var expansions = new ArrayList<Expansion>();
        for (JsonNode study : new ObjectMapper().readTree(file.toFile())) {
            expansions.add(VOCABULARY.expand(conditions(study)));
        }
        return expansions;
    }

    private static List<CodedCondition> conditions(JsonNode study) {
        var conditions = new ArrayList<CodedCondition>();
        study.path("protocolSection")
                .path("conditionsModule")
                .path("conditions")
                .forEach(text -> conditions.add(CodedCondition.text(text.asText())));
        study.path("derivedSection")
                .path("conditionBrowseModule")
                .path("meshes")
                .forEach(mesh -> conditions.add(new CodedCondition(
                        mesh.path("term").asText(),
                        List.of(new Code(Code.MESH, mesh.path("id").asText())))));
        return conditions;
    }
}
