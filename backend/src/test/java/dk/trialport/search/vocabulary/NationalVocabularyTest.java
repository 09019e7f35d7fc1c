package dk.trialport.search.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;

import dk.trialport.support.SharedData;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The condition vocabulary at national breadth: the project's own lists merged with SKS and MeSH from
 * {@code ../shared/data/terminology} (skipped without them), and the project's lay list on its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NationalVocabularyTest {

    private static final ConditionVocabulary OWN = ConditionVocabulary.load();

    private ConditionVocabulary national;

    @BeforeAll
    void loadTheNationalVocabulary() {
        var terminology = SharedData.directory("terminology");
        Assumptions.assumeTrue(
                terminology.isPresent(), "no ../shared/data/terminology: national vocabulary not tested");
        var runtime = Runtime.getRuntime();
        System.gc();
        long before = runtime.totalMemory() - runtime.freeMemory();
        long start = System.nanoTime();
        national = ConditionVocabulary.load(terminology);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.gc();
        long after = runtime.totalMemory() - runtime.freeMemory();
        System.out.printf(
                "VOCABULARY %d concepts, %d with Danish names, %d names; loaded in %d ms, about %d MB of heap%n",
                national.concepts().size(),
                national.concepts().stream()
                        .filter(c -> !c.danishNames().isEmpty())
                        .count(),
                national.concepts().stream().mapToInt(c -> c.names().size()).sum(),
                millis,
                (after - before) / (1024 * 1024));
    }

    @Test
    void atLeast2000ConceptsHaveDanishNames() {
        assertThat(national.concepts().stream().filter(c -> !c.danishNames().isEmpty()))
                .hasSizeGreaterThanOrEqualTo(2000);
    }

    @Test
    void theConditionAreasStayTheCuratedOnes() {
        assertThat(national.areas().stream().map(ConditionConcept::id))
                .containsExactlyElementsOf(
                        OWN.areas().stream().map(ConditionConcept::id).toList());
    }

    @Test
    void anSksSubcategoryLiesBelowItsCuratedCategory() {
        var expansion = national.expand(List.of(new CodedCondition("", List.of(new Code(Code.SKS, "DI634")))));

        assertThat(expansion.conceptIds()).contains("icd-i634", "ischaemic-stroke", "stroke");
        assertThat(expansion.conceptIds()).doesNotContain("myocardial-infarction", "heart-disease");
        assertThat(national.label("icd-i634", Locale.forLanguageTag("da")))
                .as("the SKS text with its Danish letters given back")
                .isEqualTo("Hjerneinfarkt forårsaget af emboli i cerebral arterie");
    }

    @Test
    void theSksTextOfACuratedCategoryIsAnotherNameOfTheCuratedConcept() {
        assertThat(national.conceptIdsForQuery("hjerneinfarkt")).containsExactly("ischaemic-stroke");
        assertThat(national.label("ischaemic-stroke", Locale.forLanguageTag("da")))
                .isEqualTo("Blodprop i hjernen");
    }

    @Test
    void aMeshDescriptorJoinsTheCuratedConceptThatListsIt() {
        var expansion = national.expand(List.of(new CodedCondition("", List.of(new Code(Code.MESH, "D009203")))));

        assertThat(expansion.conceptIds()).contains("myocardial-infarction").doesNotContain("ischaemic-stroke");
    }

    @Test
    void aMeshDescriptorNamedLikeALayListConceptJoinsIt() {
        var appendicitis = national.conceptIdsForQuery("appendicitis");

        assertThat(appendicitis).containsExactly("icd-k35");
        assertThat(national.concept("icd-k35").orElseThrow().meshIds()).contains("D001064");
    }

    @ParameterizedTest(name = "\"{0}\" is not read as {1}")
    @CsvSource({
        "blodprop i hjernen, myocardial-infarction",
        "blodprop i hjertet, ischaemic-stroke",
        "hjerneinfarkt, myocardial-infarction",
        "hjerteinfarkt, ischaemic-stroke",
        "grå stær, glaucoma",
        "behandling af kræft, atrial-fibrillation"
    })
    void wrongExpansionsStayBlocked(String words, String wrong) {
        for (var vocabulary : List.of(OWN, national)) {
            assertThat(vocabulary.conceptIdsForQuery(words)).doesNotContain(wrong);
            vocabulary
                    .conceptIdsForQuery(words)
                    .forEach(id -> assertThat(vocabulary.selfAndAncestors(id))
                            .as("%s read as %s", words, id)
                            .doesNotContain(wrong));
        }
    }

    @ParameterizedTest(name = "lay list: \"{0}\" is {1}, with or without SKS")
    @CsvSource({
        "blindtarmsbetændelse, icd-k35, digestive",
        "lyskebrok, icd-k40, digestive",
        "helvedesild, icd-b02, infection",
        "grå stær, cataract, eye",
        "hofteartrose, hip-osteoarthritis, arthritis",
        "ondt i ryggen, back-pain, pain",
        "høretab, , ",
        "hjernerystelse, traumatic-brain-injury, injury",
        "lavt stofskifte, hypothyroidism, diabetes",
        "myelomatose, myeloma, cancer",
        "svedkirtelbetændelse, hidradenitis, skin"
    })
    void aLayWordIsItsCondition(String words, String concept, String area) {
        for (var vocabulary : List.of(OWN, national)) {
            if (concept == null) {
                assertThat(vocabulary.conceptIdsForQuery(words))
                        .as("no curated concept covers the ear (H60–H95): left out")
                        .isEmpty();
                continue;
            }
            assertThat(vocabulary.conceptIdsForQuery(words)).containsExactly(concept);
            assertThat(vocabulary.expand(List.of(CodedCondition.text(words))).areas())
                    .contains(area);
        }
    }

    @Test
    void withoutTheTerminologyTheOwnListsAreTheVocabulary() {
        var own = ConditionVocabulary.load(Optional.empty());

        assertThat(own.concepts()).hasSameSizeAs(OWN.concepts());
        assertThat(own.conceptIdsForQuery("hjerneinfarkt")).containsExactly("ischaemic-stroke");
    }
}
