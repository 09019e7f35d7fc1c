package dk.trialport.search.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The condition vocabulary file and what it makes of patients' words and of coded conditions. */
class ConditionVocabularyTest {

    private static final ConditionVocabulary VOCABULARY = ConditionVocabulary.load();

    private static Expansion expand(String text, Code... codes) {
        return VOCABULARY.expand(List.of(new CodedCondition(text, List.of(codes))));
    }

    @Test
    void sukkersygeIsInTheDiabetesArea() {
        var expansion = expand("Sukkersyge");

        assertThat(expansion.conceptIds()).contains("diabetes-mellitus");
        assertThat(expansion.areas()).containsExactly("diabetes");
    }

    @Test
    void brystkraeftIsBreastCancerWithOrWithoutDanishLetters() {
        assertThat(VOCABULARY.conceptIdsForQuery("brystkræft")).containsExactly("breast-cancer");
        assertThat(VOCABULARY.conceptIdsForQuery("BRYSTKRAEFT")).containsExactly("breast-cancer");
        assertThat(expand("Brystkræft").areas()).containsExactly("cancer");
    }

    @Test
    void sksLungCancerCodeIsLungCancerInTheCancerArea() {
        var expansion = expand("", new Code(Code.SKS, "DC341"));

        assertThat(expansion.conceptIds()).containsExactlyInAnyOrder("lung-cancer", "cancer");
        assertThat(expansion.areas()).containsExactly("cancer");
        assertThat(expansion.terms()).contains("Lungekræft", "Lung cancer", "Kræft", "Cancer");
    }

    @Test
    void icd10CodesMatchWithOrWithoutTheDot() {
        assertThat(expand("", new Code(Code.ICD10, "C34.1")).conceptIds()).contains("lung-cancer");
        assertThat(expand("", new Code(Code.ICD10, "E11")).conceptIds()).contains("type-2-diabetes");
        assertThat(expand("", new Code(Code.SKS, "DE119")).conceptIds()).contains("type-2-diabetes");
        assertThat(expand("", new Code(Code.SKS, "DC921")).conceptIds()).contains("cml", "leukaemia", "blood-cancer");
    }

    @Test
    void meshNsclcIsNsclcLungCancerAndCancerInEitherUidForm() {
        for (var uid : List.of("D002289", "D000002289")) {
            var expansion = expand("", new Code(Code.MESH, uid));

            assertThat(expansion.conceptIds()).containsExactlyInAnyOrder("nsclc", "lung-cancer", "cancer");
        }
    }

    @Test
    void snomedCodesMatchExactly() {
        assertThat(expand("", new Code(Code.SNOMED, "44054006")).conceptIds()).contains("type-2-diabetes");
        assertThat(expand("", new Code("http://example.org/other", "44054006")).conceptIds())
                .isEmpty();
    }

    @Test
    void rheumatoidArthritisTrialsAreFoundByGigt() {
        var expansion = expand("Rheumatoid Arthritis", new Code(Code.SKS, "DM059"));

        assertThat(expansion.conceptIds()).contains("rheumatoid-arthritis", "arthritis");
        assertThat(expansion.terms()).contains("gigt", "Leddegigt");
    }

    @Test
    void hjertestopIsACardiacArrestConcept() {
        assertThat(VOCABULARY.concept("cardiac-arrest"))
                .get()
                .satisfies(concept -> assertThat(concept.danishNames()).contains("Hjertestop"));
        assertThat(VOCABULARY.conceptIdsForQuery("hjertestop")).containsExactly("cardiac-arrest");
    }

    @Test
    void meshStyleTextIsTheMostSpecificConcept() {
        assertThat(VOCABULARY.conceptIdsForQuery("Diabetes Mellitus, Type 2")).containsExactly("type-2-diabetes");
        assertThat(expand("Diabetes Mellitus, Type 2").conceptIds())
                .containsExactlyInAnyOrder("type-2-diabetes", "diabetes-mellitus", "diabetes");
    }

    @Test
    void theLongestNameWinsSoNonSmallCellIsNotSmallCell() {
        var expansion = expand("Non-small Cell Lung Cancer Stage III");

        assertThat(expansion.conceptIds()).containsExactlyInAnyOrder("nsclc", "lung-cancer", "cancer");
        assertThat(VOCABULARY.conceptIdsForQuery("small cell lung cancer")).containsExactly("sclc");
    }

    @Test
    void layWordsPatientsTypeAreFound() {
        assertThat(VOCABULARY.conceptIdsForQuery("gigt")).containsExactly("arthritis");
        assertThat(VOCABULARY.conceptIdsForQuery("kræft")).containsExactly("cancer");
        assertThat(VOCABULARY.conceptIdsForQuery("cancer")).containsExactly("cancer");
        assertThat(VOCABULARY.conceptIdsForQuery("lung cancer")).containsExactly("lung-cancer");
        assertThat(VOCABULARY.conceptIdsForQuery("KOL")).containsExactly("copd");
        assertThat(VOCABULARY.conceptIdsForQuery("sclerose")).containsExactly("multiple-sclerosis");
        assertThat(VOCABULARY.conceptIdsForQuery("leddegigt")).containsExactly("rheumatoid-arthritis");
        assertThat(VOCABULARY.conceptIdsForQuery("blodprop")).containsExactly("blood-clot");
        assertThat(VOCABULARY.conceptIdsForQuery("blodprop i hjertet")).containsExactly("myocardial-infarction");
        assertThat(VOCABULARY.conceptIdsForQuery("forsøg med slidgigt i knæet i Aarhus"))
                .containsExactly("knee-osteoarthritis");
    }

    @Test
    void aHeartAttackIsAlsoABloodClot() {
        var expansion = expand("Blodprop i hjertet");

        assertThat(expansion.conceptIds()).contains("myocardial-infarction", "blood-clot", "cardiovascular");
        assertThat(expansion.terms()).contains("Blodprop");
    }

    @Test
    void wordsAreWholeWordsOnly() {
        assertThat(VOCABULARY.conceptIdsForQuery("kolesterol")).doesNotContain("copd");
        assertThat(VOCABULARY.conceptIdsForQuery("Healthy volunteers")).isEmpty();
    }

    @Test
    void suggestFindsDiabetesFromItsFirstLetters() {
        assertThat(VOCABULARY.suggest("sukk", 5))
                .extracting(ConditionConcept::id)
                .first()
                .isEqualTo("diabetes-mellitus");
        assertThat(VOCABULARY.suggest("lunge", 10))
                .extracting(ConditionConcept::id)
                .first()
                .isEqualTo("lung");
        assertThat(VOCABULARY.suggest("kræft i", 10))
                .extracting(ConditionConcept::id)
                .contains("lung-cancer");
        assertThat(VOCABULARY.suggest("", 5)).isEmpty();
        assertThat(VOCABULARY.suggest("c", 3)).hasSize(3);
    }

    @Test
    void areasAreTheTopLevelConceptsWithLabelsInBothLanguages() {
        assertThat(VOCABULARY.areas())
                .extracting(ConditionConcept::id)
                .startsWith("cancer", "cardiovascular", "diabetes")
                .contains("lung", "arthritis", "psychiatry", "neurology", "infection", "rare-diseases");
        assertThat(VOCABULARY.label("cancer", Locale.of("da"))).isEqualTo("Kræft");
        assertThat(VOCABULARY.label("cancer", Locale.ENGLISH)).isEqualTo("Cancer");
        assertThat(VOCABULARY.label("cancer", Locale.UK)).isEqualTo("Cancer");
        assertThat(VOCABULARY.label("copd", null)).isEqualTo("KOL");
        assertThat(VOCABULARY.label("no-such-concept", Locale.ENGLISH)).isEqualTo("no-such-concept");
    }

    @Test
    void everyParentExistsAndNoConceptIsItsOwnAncestor() {
        for (var concept : VOCABULARY.concepts()) {
            concept.parents()
                    .forEach(parent -> assertThat(VOCABULARY.concept(parent))
                            .as(concept.id())
                            .isPresent());
            var ancestors = new HashSet<>(VOCABULARY.selfAndAncestors(concept.id()));
            ancestors.remove(concept.id());
            concept.parents()
                    .forEach(parent -> assertThat(VOCABULARY.selfAndAncestors(parent))
                            .as(concept.id())
                            .doesNotContain(concept.id()));
            assertThat(ancestors.stream()
                                    .anyMatch(id ->
                                            VOCABULARY.concept(id).orElseThrow().isArea())
                            || concept.isArea())
                    .as(concept.id() + " reaches an area")
                    .isTrue();
        }
    }

    @Test
    void everyConceptHasADanishAndAnEnglishName() {
        assertThat(VOCABULARY.concepts()).hasSizeGreaterThan(120).allSatisfy(concept -> {
            assertThat(concept.danishNames()).as(concept.id()).isNotEmpty();
            assertThat(concept.englishNames()).as(concept.id()).isNotEmpty();
        });
    }

    @Test
    void aMalformedLineFailsWithItsLineNumber() {
        var tsv = """
        # a comment
        cancer\t\tKræft\tCancer
        lung-cancer\tcancer\tLungekræft
        """;

        assertThatThrownBy(() -> ConditionVocabulary.parse(new StringReader(tsv)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("line 3");
    }

    @Test
    void anUnknownParentOrACycleFailsWithItsLineNumber() {
        var unknownParent = "a\t\tA\tA\nb\tnone\tB\tB\n";
        var cycle = "a\tb\tA\tA\nb\ta\tB\tB\n";
        var duplicateCode = "a\t\tA\tA\tC34\nb\ta\tB\tB\tC34\n";

        assertThatThrownBy(() -> ConditionVocabulary.parse(new StringReader(unknownParent)))
                .hasMessageContaining("line 2")
                .hasMessageContaining("unknown parent 'none'");
        assertThatThrownBy(() -> ConditionVocabulary.parse(new StringReader(cycle)))
                .hasMessageContaining("its own ancestor");
        assertThatThrownBy(() -> ConditionVocabulary.parse(new StringReader(duplicateCode)))
                .hasMessageContaining("line 2")
                .hasMessageContaining("C34");
    }

    @Test
    void foldingMakesDanishLettersAndAccentsPlain() {
        assertThat(Folding.fold("Blærekræft, Sjögren & Crohn's — type 2-diabetes"))
                .isEqualTo("blaerekraeft sjogren crohn s type 2 diabetes");
    }

    @Test
    void aNameOfSeveralWordsIsReadAsOneMentionAndItsPartsNotAgain() {
        var reading = VOCABULARY.read("Blodprop i hjernen nær Aarhus");

        assertThat(reading.mentions())
                .containsExactly(new ConditionReading.Mention("ischaemic-stroke", "blodprop i hjernen"));
        assertThat(reading.otherWords()).containsExactly("naer", "aarhus");
    }

    @Test
    void everydayDanishNamesAreTheirConditions() {
        assertThat(VOCABULARY.conceptIdsForQuery("hjerteanfald")).containsExactly("myocardial-infarction");
        assertThat(VOCABULARY.conceptIdsForQuery("blodprop i hjertet")).containsExactly("myocardial-infarction");
        assertThat(VOCABULARY.conceptIdsForQuery("blodprop i hjernen")).containsExactly("ischaemic-stroke");
        assertThat(VOCABULARY.conceptIdsForQuery("sukkersyge")).containsExactly("diabetes-mellitus");
        assertThat(VOCABULARY.conceptIdsForQuery("KOL")).containsExactly("copd");
        assertThat(VOCABULARY.conceptIdsForQuery("gigt")).containsExactly("arthritis");
        assertThat(VOCABULARY.conceptIdsForQuery("knogleskørhed")).containsExactly("osteoporosis");
        assertThat(VOCABULARY.conceptIdsForQuery("grå stær")).containsExactly("cataract");
        assertThat(VOCABULARY.conceptIdsForQuery("hjerteflimmer")).containsExactly("atrial-fibrillation");
    }

    @Test
    void theBroaderConceptsOfAStrokeAreNoHeartConditionsAndNoAreas() {
        assertThat(VOCABULARY.narrowAncestors("ischaemic-stroke")).containsExactly("stroke", "blood-clot");
    }
}
