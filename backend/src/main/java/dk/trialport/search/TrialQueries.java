package dk.trialport.search;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.RangeRelation;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import dk.trialport.search.vocabulary.ConditionReading;
import dk.trialport.search.vocabulary.ConditionVocabulary;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a {@link TrialQuery} into Elasticsearch queries with the client's builders: the free-text
 * query, the filters that narrow every count (age, place, start date), and one filter per facet.
 */
final class TrialQueries {

    /** Fields free text is matched against, with their weight; each language's analyzer has its own field. */
    static final List<String> TEXT_FIELDS = List.of(
            "layTitleDa^4",
            "layTitleEn^4",
            "title^3",
            "conditions^3",
            "conditions.da^3",
            "conditionTerms^2.5",
            "conditionTerms.da^2.5",
            "conditionTerms.en^2.5",
            "interventions^1.5",
            "keywords^1.5",
            "summaryDa",
            "summaryEn",
            "sponsor",
            "identifiers.folded^3",
            "siteText");
    /** Where a condition's words count as a mention of it: the trial's own texts, not its sites, sponsor or numbers. */
    static final List<String> MENTION_FIELDS = TEXT_FIELDS.stream()
            .filter(field ->
                    !field.startsWith("siteText") && !field.startsWith("sponsor") && !field.startsWith("identifiers"))
            .toList();

    /** The same text, only folded (no stemming): one analyzer, so words may be spread over fields. */
    static final List<String> FOLDED_FIELDS = List.of(
            "layTitleDa.folded^4",
            "layTitleEn.folded^4",
            "title.folded^3",
            "conditions.folded^3",
            "conditionTerms^2.5",
            "interventions.folded^1.5",
            "keywords.folded^1.5",
            "summaryDa.folded",
            "summaryEn.folded",
            "sponsor",
            "identifiers.folded^3",
            "siteText");

    /** The fields that name a trial's conditions: as given, and expanded with the vocabulary. */
    static final List<String> CONDITION_FIELDS = List.of(
            "conditions^2",
            "conditions.da^2",
            "conditions.folded^2",
            "conditionTerms",
            "conditionTerms.da",
            "conditionTerms.en");

    static final float OWN_CONDITION = 8f;
    static final float NARROWER_CONDITION = 6f;
    static final float BROADER_CONDITION = 3f;
    static final float MENTION = 2f;

    /** What a stale record's score is multiplied by: it ranks below current ones that match as well. */
    static final double STALE_WEIGHT = 0.1;

    private TrialQueries() {}

    /**
     * The query with stale records ({@code freshUntil} passed; see {@link dk.trialport.catalogue.Freshness}) scoring
     * {@value #STALE_WEIGHT} of what they would: below the current ones when results sort by relevance.
     */
    static Query currentFirst(Query query) {
        return Query.of(q -> q.functionScore(fs -> fs.query(query)
                .functions(f -> f.filter(s ->
                                s.range(r -> r.date(d -> d.field("freshUntil").lte("now"))))
                        .weight(STALE_WEIGHT))
                .scoreMode(co.elastic.clients.elasticsearch._types.query_dsl.FunctionScoreMode.Multiply)
                .boostMode(co.elastic.clients.elasticsearch._types.query_dsl.FunctionBoostMode.Multiply)));
    }

    /**
     * Free text and, from FHIR, a condition by name (both must match), and a patient's conditions: at
     * least one concept, each scoring its weight, so the score tells how much of the patient fits.
     */
    static Query text(TrialQuery query, ConditionVocabulary vocabulary) {
        var conditionText = query.fhir().conditionText();
        var weights = query.fhir().concepts();
        if (conditionText == null && weights.isEmpty()) {
            return understood(query.text(), vocabulary);
        }
        return Query.of(q -> q.bool(b -> {
            if (query.text() != null || weights.isEmpty()) {
                b.must(understood(query.text(), vocabulary));
            }
            if (conditionText != null) {
                b.must(m -> m.multiMatch(mm -> mm.query(conditionText)
                        .fields(CONDITION_FIELDS)
                        .type(TextQueryType.BestFields)
                        .operator(Operator.And)
                        .fuzziness("AUTO:5,8")
                        .prefixLength(1)));
            }
            weights.forEach(wanted -> b.should(s -> s.constantScore(c -> c.boost((float) wanted.weight())
                    .filter(f -> f.term(t -> t.field(wanted.direct() ? "conditionConceptsDirect" : "conditionConcepts")
                            .value(wanted.concept()))))));
            return weights.isEmpty() ? b : b.minimumShouldMatch("1");
        }));
    }

    /**
     * Free text read with the vocabulary: each condition it names (the longest name, so "blodprop i hjernen" is a
     * stroke and never "blodprop" plus a word like "hjertet") must be a condition of the trial, a narrower one, a
     * broader one the trial names itself, or appear as that phrase in its text; the other words are matched as
     * {@link #text(String)} does. Without any condition named, that is all.
     */
    static Query understood(String text, ConditionVocabulary vocabulary) {
        if (text == null) {
            return text((String) null);
        }
        var reading = vocabulary.read(text);
        if (reading.mentions().isEmpty()) {
            return text(text);
        }
        return Query.of(q -> q.bool(b -> {
            reading.mentions().forEach(mention -> b.must(condition(mention, vocabulary)));
            if (reading.otherText() != null) {
                b.must(text(reading.otherText()));
            }
            return b;
        }));
    }

    /**
     * One condition named in the text. The scores are constant so that the kind of match orders the results: the
     * trial's own condition ({@value #OWN_CONDITION}) before a narrower one ({@value #NARROWER_CONDITION}), a
     * broader one it names ({@value #BROADER_CONDITION}) and a mere mention in its text ({@value #MENTION}).
     */
    private static Query condition(ConditionReading.Mention mention, ConditionVocabulary vocabulary) {
        var broader = vocabulary.narrowAncestors(mention.conceptId()).stream()
                .map(FieldValue::of)
                .toList();
        return Query.of(q -> q.bool(b -> {
            b.should(s -> s.constantScore(c -> c.boost(OWN_CONDITION)
                    .filter(f -> f.term(t -> t.field("conditionConceptsDirect").value(mention.conceptId())))));
            b.should(s -> s.constantScore(c -> c.boost(NARROWER_CONDITION)
                    .filter(f -> f.term(t -> t.field("conditionConcepts").value(mention.conceptId())))));
            if (!broader.isEmpty()) {
                b.should(s -> s.constantScore(c -> c.boost(BROADER_CONDITION)
                        .filter(f ->
                                f.terms(t -> t.field("conditionConceptsDirect").terms(v -> v.value(broader))))));
            }
            b.should(s -> s.constantScore(c -> c.boost(MENTION)
                    .filter(f -> f.multiMatch(
                            m -> m.query(mention.words()).fields(TEXT_FIELDS).type(TextQueryType.Phrase)))));
            return b.minimumShouldMatch("1");
        }));
    }

    /**
     * Free text: all words in one field, allowing typos (e.g. "brystkrft"); or all words spread over
     * fields ("lungekræft odense"); a phrase match ranks higher.
     */
    static Query text(String text) {
        if (text == null) {
            return Query.of(q -> q.matchAll(m -> m));
        }
        return Query.of(q -> q.bool(b -> b.should(s -> s.multiMatch(m -> m.query(text)
                        .fields(TEXT_FIELDS)
                        .type(TextQueryType.BestFields)
                        .operator(Operator.And)
                        .fuzziness("AUTO:5,8")
                        .prefixLength(1)))
                .should(s -> s.multiMatch(m -> m.query(text)
                        .fields(FOLDED_FIELDS)
                        .type(TextQueryType.CrossFields)
                        .operator(Operator.And)))
                .should(s -> s.multiMatch(m -> m.query(text)
                        .fields(TEXT_FIELDS)
                        .type(TextQueryType.Phrase)
                        .boost(2f)))
                .minimumShouldMatch("1")));
    }

    /** Filters that apply to the result and to every facet count. */
    static List<Query> common(TrialQuery query, int distanceKm) {
        var filters = new ArrayList<Query>();
        terms(filters, "status", query.fhir().statuses());
        terms(filters, "conditionCodes", query.fhir().conditionCodes());
        if (query.age() != null) {
            filters.add(Query.of(q -> q.term(t -> t.field("ageRange").value(query.age()))));
        }
        var ages = query.understood() == null ? null : query.understood().age();
        if (ages != null) {
            filters.add(Query.of(q -> q.range(r -> r.number(n -> {
                n.field("ageRange").relation(RangeRelation.Intersects);
                if (ages.minAge() != null) {
                    n.gte(ages.minAge());
                }
                if (ages.maxAge() != null) {
                    n.lt(ages.maxAge());
                }
                return n;
            }))));
        }
        if (query.startFrom() != null || query.startTo() != null) {
            filters.add(Query.of(q -> q.range(r -> r.date(d -> {
                d.field("startDate");
                if (query.startFrom() != null) {
                    d.gte(query.startFrom().toString());
                }
                if (query.startTo() != null) {
                    d.lte(query.startTo().toString());
                }
                return d;
            }))));
        }
        if (query.near() != null && query.distanceKm() != null) {
            filters.add(Query.of(q -> q.geoDistance(g -> g.field("siteLocations")
                    .distance(distanceKm + "km")
                    .location(l -> l.latlon(
                            p -> p.lat(query.near().lat()).lon(query.near().lon()))))));
        }
        return filters;
    }

    private static void terms(List<Query> filters, String field, List<String> values) {
        if (!values.isEmpty()) {
            var terms = values.stream().map(FieldValue::of).toList();
            filters.add(Query.of(q -> q.terms(t -> t.field(field).terms(v -> v.value(terms)))));
        }
    }

    /** The filter of one facet's selected values, or null when nothing is selected. */
    static Query facet(Facet facet, TrialQuery query) {
        var values = facet.selected(query);
        if (values.isEmpty()) {
            return null;
        }
        var terms = values.stream().map(FieldValue::of).toList();
        return Query.of(q -> q.terms(t -> t.field(facet.filterField()).terms(v -> v.value(terms))));
    }

    /** Every facet filter except {@code except}'s (null: all of them). */
    static List<Query> facetsExcept(Facet except, TrialQuery query) {
        var filters = new ArrayList<Query>();
        for (var facet : Facet.values()) {
            var filter = facet == except ? null : facet(facet, query);
            if (filter != null) {
                filters.add(filter);
            }
        }
        return filters;
    }
}
