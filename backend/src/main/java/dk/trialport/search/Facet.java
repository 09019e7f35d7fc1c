package dk.trialport.search;

import java.util.List;
import java.util.function.Function;

/**
 * A filter with facet counts: its name in the API, the index field it counts, and how it reads its
 * selected values from a query. Counts of one facet apply every filter but its own, so a person sees
 * what choosing another value would give.
 */
enum Facet {
    STATUS("status", "recruitmentStatus", TrialQuery::effectiveStatuses),
    CONDITION("condition", "conditionAreas", TrialQuery::conditions),
    PHASE("phase", "phases", TrialQuery::phases),
    STUDY_TYPE("studyType", "studyType", TrialQuery::studyTypes),
    SEX("sex", "sex", query -> query.sex() == null ? List.of() : List.of(query.sex(), TrialDocument.ANY_SEX)),
    HEALTHY_VOLUNTEERS("healthyVolunteers", "healthyVolunteers", query -> flag(query.healthyVolunteers())),
    REGION("region", "regions", TrialQuery::regions),
    HOSPITAL("hospital", "hospitals", TrialQuery::hospitals),
    DECENTRALIZED("decentralized", "decentralized", query -> flag(query.decentralized()));

    private final String parameter;
    private final String field;
    private final Function<TrialQuery, List<String>> selected;

    Facet(String parameter, String field, Function<TrialQuery, List<String>> selected) {
        this.parameter = parameter;
        this.field = field;
        this.selected = selected;
    }

    String parameter() {
        return parameter;
    }

    /** The field filtered on; the condition filter takes any concept, the facet counts areas. */
    String filterField() {
        return this == CONDITION ? "conditionConcepts" : field;
    }

    String countField() {
        return field;
    }

    List<String> selected(TrialQuery query) {
        return selected.apply(query);
    }

    private static List<String> flag(Boolean value) {
        return value == null ? List.of() : List.of(value.toString());
    }
}
