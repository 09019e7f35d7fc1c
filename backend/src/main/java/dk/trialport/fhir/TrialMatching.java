package dk.trialport.fhir;

import dk.trialport.search.InvalidSearch;
import dk.trialport.search.SearchPage;
import dk.trialport.search.TrialQuery;
import dk.trialport.search.TrialQueryParser;
import dk.trialport.search.TrialSearch;
import dk.trialport.search.vocabulary.CodedCondition;
import dk.trialport.search.vocabulary.ConditionVocabulary;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Service;
import org.springframework.util.LinkedMultiValueMap;
import reactor.core.publisher.Mono;

/**
 * The one trial matching: a patient's facts (age, sex, current conditions) and where they live → the trials that fit,
 * best first, each with a score between 0 and 1. {@code ResearchStudy/$match} and the clinician app both run it, so
 * a doctor sees what a hospital system gets. Nothing of the patient is stored or logged.
 */
@Service
public class TrialMatching {

    /** A concept the patient has counts fully; a broader one (not a whole area) half. */
    private static final double EXACT = 1.0;

    private static final double BROADER = 0.5;

    private final ConditionVocabulary vocabulary;
    private final TrialQueryParser parser;
    private final TrialSearch search;

    TrialMatching(ConditionVocabulary vocabulary, TrialQueryParser parser, TrialSearch search) {
        this.vocabulary = vocabulary;
        this.parser = parser;
        this.search = search;
    }

    /**
     * What to match.
     *
     * @param age whole years, or null when unknown
     * @param sex male or female, or null
     * @param conditions the patient's current conditions (coded and/or as text)
     * @param postalCode where the patient lives (a Danish postal code), or null
     * @param distanceKm how far the patient would travel, or null for the search's default
     * @param recruitmentStatus recruitment statuses, comma-separated, {@code all}, or null for recruiting
     * @param locale the language of the trials' titles in the answer
     */
    public record Criteria(
            Integer age,
            String sex,
            List<CodedCondition> conditions,
            String postalCode,
            Integer distanceKm,
            String phase,
            String recruitmentStatus,
            int size,
            Locale locale) {}

    /** The trials that fit, best first, and how many fit in all. */
    public record Matches(List<Match> matches, long total) {}

    /** One trial as the search found it, with its score between 0 and 1. */
    public record Match(SearchPage.Item trial, double score) {}

    /** None of the patient's current conditions is in Trialport's condition vocabulary: nothing to match on. */
    public static class NoKnownCondition extends RuntimeException {
        NoKnownCondition() {
            super("None of the patient's current conditions is known to Trialport's condition vocabulary");
        }
    }

    /**
     * Runs the matching.
     *
     * @throws NoKnownCondition when no condition is in the vocabulary
     * @throws InvalidSearch when a postal code, phase or status cannot be read
     */
    public Mono<Matches> match(Criteria criteria) {
        return Mono.fromCallable(() -> query(criteria))
                .flatMap(query -> search.search(query)
                        .map(page -> new Matches(
                                page.items().stream()
                                        .map(item -> new Match(
                                                item,
                                                Math.min(
                                                        1.0,
                                                        item.score() == null ? 0 : item.score() / maxScore(query))))
                                        .toList(),
                                page.total())));
    }

    TrialQuery query(Criteria criteria) {
        var engine = new LinkedMultiValueMap<String, String>();
        put(engine, "age", criteria.age() == null ? null : criteria.age().toString());
        put(engine, "sex", criteria.sex());
        put(engine, "postalCode", criteria.postalCode());
        put(
                engine,
                "distanceKm",
                criteria.distanceKm() == null ? null : criteria.distanceKm().toString());
        put(engine, "phase", criteria.phase());
        put(engine, "status", criteria.recruitmentStatus() == null ? "recruiting" : criteria.recruitmentStatus());
        put(engine, "size", Integer.toString(criteria.size()));
        return parser.parse(engine, criteria.locale())
                .with(new TrialQuery.FhirCriteria(List.of(), List.of(), null, weights(criteria.conditions())));
    }

    /**
     * The patient's concepts, found among a trial's concepts (weight 1: the trial is about it or about a
     * narrower form), and the broader ones that are not a whole area, only where a trial names the broader
     * condition itself (weight ½: a trial for diabetes mellitus takes type 2, a type 1 trial does not).
     */
    private List<TrialQuery.WeightedConcept> weights(List<CodedCondition> conditions) {
        var weights = new LinkedHashMap<String, TrialQuery.WeightedConcept>();
        for (var concept : vocabulary.matched(conditions)) {
            weights.put(concept, new TrialQuery.WeightedConcept(concept, false, EXACT));
            for (var id : vocabulary.selfAndAncestors(concept)) {
                boolean isArea = vocabulary.concept(id).map(c -> c.isArea()).orElse(true);
                if (!id.equals(concept) && !isArea) {
                    weights.putIfAbsent("direct:" + id, new TrialQuery.WeightedConcept(id, true, BROADER));
                }
            }
        }
        if (weights.isEmpty()) {
            throw new NoKnownCondition();
        }
        return List.copyOf(weights.values());
    }

    private static double maxScore(TrialQuery query) {
        return query.fhir().concepts().stream()
                .filter(c -> !c.direct())
                .mapToDouble(TrialQuery.WeightedConcept::weight)
                .sum();
    }

    private static void put(LinkedMultiValueMap<String, String> map, String name, String value) {
        if (value != null && !value.isBlank()) {
            map.add(name, value);
        }
    }
}
