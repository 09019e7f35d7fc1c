package dk.trialport.search;

import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch.core.search.Hit;
import dk.trialport.search.vocabulary.ConditionVocabulary;
import dk.trialport.search.vocabulary.GeoPoint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Turns index hits and aggregations into what a reader sees, in their language. */
@Component
class SearchResults {

    private final MessageSource messages;
    private final ConditionVocabulary vocabulary;
    private final java.time.Clock clock;

    SearchResults(MessageSource messages, ConditionVocabulary vocabulary, java.time.Clock clock) {
        this.messages = messages;
        this.vocabulary = vocabulary;
        this.clock = clock;
    }

    SearchPage.Item item(Hit<TrialDocument> hit, TrialQuery query) {
        var doc = hit.source();
        boolean english = isEnglish(query.locale());
        var title = english
                ? firstOf(doc.layTitleEn(), doc.title(), doc.layTitleDa())
                : firstOf(doc.layTitleDa(), doc.layTitleEn(), doc.title());
        var summary = english ? firstOf(doc.summaryEn(), doc.summaryDa()) : firstOf(doc.summaryDa(), doc.summaryEn());
        return new SearchPage.Item(
                doc.id(),
                doc.identifiers(),
                title,
                titleLanguage(doc, title),
                doc.title(),
                summary,
                doc.status(),
                doc.recruitmentStatus(),
                doc.phases(),
                doc.conditions(),
                doc.conditionAreas(),
                doc.minimumAge(),
                doc.maximumAge(),
                TrialDocument.ANY_SEX.equals(doc.sex()) ? null : doc.sex(),
                doc.healthyVolunteers(),
                doc.decentralized(),
                doc.startDate(),
                doc.lastUpdated(),
                doc.sites() == null ? 0 : doc.sites().size(),
                nearest(doc.sites(), query.near()),
                hit.highlight().isEmpty() ? null : hit.highlight(),
                query.effectiveSort() == TrialQuery.Sort.RELEVANCE ? hit.score() : null,
                doc.freshUntil() != null
                                && !java.time.Instant.parse(doc.freshUntil()).isAfter(clock.instant())
                        ? Boolean.TRUE
                        : null);
    }

    /** "da" or "en" for a lay title written in that language; null for the registry's own title, whose language is not recorded. */
    private static String titleLanguage(TrialDocument doc, String title) {
        if (title == null) {
            return null;
        }
        if (title.equals(doc.layTitleDa())) {
            return "da";
        }
        return title.equals(doc.layTitleEn()) ? "en" : null;
    }

    List<SearchPage.FacetValue> facetValues(Facet facet, Aggregate aggregate, Locale locale) {
        var values = new ArrayList<SearchPage.FacetValue>();
        if (aggregate.isSterms()) {
            aggregate
                    .sterms()
                    .buckets()
                    .array()
                    .forEach(bucket -> values.add(value(facet, bucket.key().stringValue(), bucket.docCount(), locale)));
        } else if (aggregate.isLterms()) {
            aggregate
                    .lterms()
                    .buckets()
                    .array()
                    .forEach(bucket -> values.add(value(
                            facet,
                            bucket.keyAsString() != null ? bucket.keyAsString() : Long.toString(bucket.key()),
                            bucket.docCount(),
                            locale)));
        }
        return values;
    }

    private SearchPage.FacetValue value(Facet facet, String value, long count, Locale locale) {
        var label = switch (facet) {
            case CONDITION -> vocabulary.label(value, locale);
            case REGION, HOSPITAL -> value;
            default -> messages.getMessage("search.facet." + facet.parameter() + "." + value, null, value, locale);
        };
        return new SearchPage.FacetValue(value, label, count);
    }

    /** The site nearest {@code from}, with its distance; the first site when there is no place. */
    static SearchPage.NearestSite nearest(List<TrialDocument.SiteSummary> sites, GeoPoint from) {
        if (sites == null || sites.isEmpty()) {
            return null;
        }
        if (from == null) {
            var first = sites.get(0);
            return new SearchPage.NearestSite(
                    first.name(), first.hospital(), first.city(), first.postalCode(), first.region(), null);
        }
        return sites.stream()
                .filter(site -> site.lat() != null && site.lon() != null)
                .map(site -> new SearchPage.NearestSite(
                        site.name(),
                        site.hospital(),
                        site.city(),
                        site.postalCode(),
                        site.region(),
                        Math.round(from.distanceKm(new GeoPoint(site.lat(), site.lon())) * 10) / 10.0))
                .min(Comparator.comparingDouble(SearchPage.NearestSite::distanceKm))
                .orElse(null);
    }

    static boolean isEnglish(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }

    /** The first of {@code values} that has text, or null. */
    static String firstOf(String... values) {
        for (var value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
