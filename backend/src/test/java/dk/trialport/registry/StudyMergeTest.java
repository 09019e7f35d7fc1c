package dk.trialport.registry;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.trialport.registry.ctgov.CtgovReader;
import dk.trialport.registry.ctgov.CtgovStudyMapper;
import dk.trialport.registry.ctgov.SiteFilter;
import dk.trialport.registry.ctis.CtisStudyMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The merge of two registries' records of one trial does not depend on which is imported last, and is stable. */
class StudyMergeTest {

    private static final FhirContext CONTEXT = FhirContext.forR4Cached();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeType CTGOV_TIME = new DateTimeType("2026-01-05T03:00:00+01:00");
    private static final DateTimeType CTIS_TIME = new DateTimeType("2026-01-06T03:00:00+01:00");

    private final StudyMerge merge = new StudyMerge(CONTEXT);
    private JsonNode ctgovRecord;
    private JsonNode ctisRecord;

    @BeforeEach
    void records() throws IOException {
        ctgovRecord = CtgovReader.readAll(Path.of("src/test/resources/fhir/r4/ctgov/studies.json"))
                .get(0);
        ctisRecord = CtgovReader.readAll(Path.of("src/test/resources/fhir/r4/ctis/sema-ex.json"))
                .get(0);
    }

    @Test
    void theResultIsTheSameWhicheverRegistryIsImportedLast() {
        var ctgovFirst = both(ctgov(), ctis(), true);
        var ctisFirst = both(ctgov(), ctis(), false);

        assertThat(json(ctisFirst)).isEqualTo(json(ctgovFirst));
        assertThat(elements(ctgovFirst, "ctis")).containsExactly("label", "location");
    }

    @Test
    void importingEitherAgainChangesNothing() {
        var merged = stored(both(ctgov(), ctis(), true));

        assertThat(json(merge.merge(merged, ctgov(), RegistrySource.CTGOV, CTGOV_TIME)))
                .isEqualTo(json(merged));
        assertThat(json(merge.merge(merged, ctis(), RegistrySource.CTIS, CTIS_TIME)))
                .isEqualTo(json(merged));
    }

    @Test
    void theLowerRankedRegistryFillsWhatTheOtherLeavesOutAndLetsGoWhenItStops() {
        ((ObjectNode) ctgovRecord.path("protocolSection").path("designModule")).remove("phases");
        var ctgovFirst = both(ctgov(), ctis(), true);

        assertThat(json(both(ctgov(), ctis(), false))).isEqualTo(json(ctgovFirst));
        assertThat(ctgovFirst.getPhase().getCodingFirstRep().getCode()).isEqualTo("phase-3");
        assertThat(elements(ctgovFirst, "ctis")).containsExactly("label", "phase", "location");

        ((ObjectNode) ctisRecord).remove("phase");
        var withoutPhase = merge.merge(stored(ctgovFirst), ctis(), RegistrySource.CTIS, CTIS_TIME);
        assertThat(withoutPhase.hasPhase()).isFalse();
    }

    @Test
    void identifiersOfBothRegistriesAreKeptOnceEach() {
        var merged = both(ctgov(), ctis(), true);

        assertThat(merged.getIdentifier())
                .extracting(i -> i.getSystem() + "|" + i.getValue())
                .doesNotHaveDuplicates()
                .contains(
                        "https://clinicaltrials.gov|NCT06111111",
                        "https://euclinicaltrials.eu/ct-number|2023-501234-12-00",
                        "https://eudract.ema.europa.eu|2021-004512-33");
        assertThat(merged.getIdentifierFirstRep().getValue()).isEqualTo("NCT06111111");
    }

    private ResearchStudy both(ResearchStudy ctgov, ResearchStudy ctis, boolean ctgovFirst) {
        if (ctgovFirst) {
            var first = stored(merge.merge(null, ctgov, RegistrySource.CTGOV, CTGOV_TIME));
            return merge.merge(first, ctis, RegistrySource.CTIS, CTIS_TIME);
        }
        var first = stored(merge.merge(null, ctis, RegistrySource.CTIS, CTIS_TIME));
        return merge.merge(first, ctgov, RegistrySource.CTGOV, CTGOV_TIME);
    }

    /** As the catalogue would hand it back: with an id and meta. */
    private static ResearchStudy stored(ResearchStudy study) {
        var copy = study.copy();
        copy.setId("trial-1");
        copy.getMeta().setVersionId("1").setLastUpdated(new java.util.Date());
        return copy;
    }

    private ResearchStudy ctgov() {
        return study(new CtgovStudyMapper().toTransaction(ctgovRecord, SiteFilter.DENMARK_ONLY));
    }

    private ResearchStudy ctis() {
        return study(new CtisStudyMapper().toTransaction(ctisRecord));
    }

    private static ResearchStudy study(Bundle bundle) {
        return (ResearchStudy) bundle.getEntryFirstRep().getResource();
    }

    private static java.util.List<String> elements(ResearchStudy study, String source) {
        return study.getExtensionsByUrl(RegistryImport.SOURCE_RECORD).stream()
                .filter(r -> source.equals(((org.hl7.fhir.r4.model.Coding)
                                r.getExtensionByUrl("source").getValue())
                        .getCode()))
                .flatMap(r -> r.getExtensionsByUrl("element").stream())
                .map(Extension::getValue)
                .map(v -> v.primitiveValue())
                .toList();
    }

    private static JsonNode json(ResearchStudy study) {
        try {
            var tree = (ObjectNode) JSON.readTree(CONTEXT.newJsonParser().encodeResourceToString(study));
            tree.remove("id");
            if (tree.get("meta") instanceof ObjectNode meta) {
                meta.remove("versionId");
                meta.remove("lastUpdated");
            }
            return tree;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
