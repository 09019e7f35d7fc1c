package dk.trialport.portal;

import dk.trialport.search.SearchPage;
import dk.trialport.search.vocabulary.ConditionConcept;
import dk.trialport.search.vocabulary.ConditionVocabulary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * The filters of the search form with the facet counts of the last search. Values with no trials are left
 * out unless chosen; without counts (the search could not run) every known value is offered.
 */
@Component
class SearchFilters {

    private static final List<String> STATUSES = List.of(
            "recruiting",
            "not-yet-recruiting",
            "active-not-recruiting",
            "enrolling-by-invitation",
            "suspended",
            "terminated",
            "completed",
            "withdrawn");
    private static final List<String> PHASES = List.of(
            "early-phase-1", "phase-1", "phase-1-phase-2", "phase-2", "phase-2-phase-3", "phase-3", "phase-4", "n-a");
    private static final List<String> REGIONS = List.of(
            "Region Hovedstaden", "Region Sjælland", "Region Syddanmark", "Region Midtjylland", "Region Nordjylland");

    private final ConditionVocabulary vocabulary;

    SearchFilters(ConditionVocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /** The groups in form order; {@code page} is null when the search could not run. */
    List<FilterGroup> groups(SearchForm form, SearchPage page, Texts texts) {
        var facets = page == null ? Map.<String, List<SearchPage.FacetValue>>of() : page.facets();
        var areas = vocabulary.areas().stream().map(ConditionConcept::id).toList();
        return List.of(
                checkboxes(
                        "condition",
                        areas,
                        form,
                        facets,
                        page != null,
                        texts,
                        value -> vocabulary.label(value, texts.locale())),
                checkboxes(
                        "status", STATUSES, form, facets, page != null, texts, value -> texts.facet("status", value)),
                sex(form, facets, texts),
                radios("healthyVolunteers", form.healthyVolunteers(), facets, texts),
                checkboxes(
                        "decentralized",
                        List.of("true"),
                        form,
                        facets,
                        false,
                        texts,
                        value -> texts.facet("decentralized", value)),
                checkboxes("phase", PHASES, form, facets, page != null, texts, value -> texts.facet("phase", value)),
                checkboxes("region", REGIONS, form, facets, page != null, texts, value -> value));
    }

    private static FilterGroup checkboxes(
            String name,
            List<String> known,
            SearchForm form,
            Map<String, List<SearchPage.FacetValue>> facets,
            boolean onlyFound,
            Texts texts,
            Function<String, String> label) {
        var counts = counts(facets.get(name));
        var values = new LinkedHashSet<>(known);
        values.addAll(counts.keySet());
        var options = new ArrayList<FilterGroup.Option>();
        for (var value : values) {
            boolean checked =
                    name.equals("decentralized") ? value.equals(form.decentralized()) : form.isChecked(name, value);
            var count = facets.containsKey(name) ? counts.getOrDefault(value, 0L) : null;
            if (!onlyFound || checked || count != null && count > 0) {
                options.add(new FilterGroup.Option(id(name, value), value, label.apply(value), count, checked));
            }
        }
        return new FilterGroup(name, "checkbox", texts.get("search.field." + name), hint(name, texts), options);
    }

    private static FilterGroup sex(SearchForm form, Map<String, List<SearchPage.FacetValue>> facets, Texts texts) {
        var counts = counts(facets.get("sex"));
        var options = new ArrayList<FilterGroup.Option>();
        options.add(new FilterGroup.Option(
                "sex-any", "", texts.get("search.sex.any"), null, form.sex().isEmpty()));
        for (var sex : List.of("female", "male")) {
            Long count =
                    facets.containsKey("sex") ? counts.getOrDefault(sex, 0L) + counts.getOrDefault("all", 0L) : null;
            options.add(new FilterGroup.Option(
                    "sex-" + sex, sex, texts.get("search.sex." + sex), count, sex.equals(form.sex())));
        }
        return new FilterGroup(
                "sex", "radio", texts.get("search.field.sex"), texts.get("search.field.sex.hint"), options);
    }

    private static FilterGroup radios(
            String name, String chosen, Map<String, List<SearchPage.FacetValue>> facets, Texts texts) {
        var counts = counts(facets.get(name));
        var options = new ArrayList<FilterGroup.Option>();
        options.add(new FilterGroup.Option(name + "-any", "", texts.get("search.any"), null, chosen.isEmpty()));
        for (var value : List.of("true", "false")) {
            options.add(new FilterGroup.Option(
                    id(name, value),
                    value,
                    texts.facet(name, value),
                    facets.containsKey(name) ? counts.getOrDefault(value, 0L) : null,
                    value.equals(chosen)));
        }
        return new FilterGroup(name, "radio", texts.get("search.field." + name), null, options);
    }

    private static String hint(String name, Texts texts) {
        return name.equals("status") ? texts.get("search.field.status.hint") : null;
    }

    private static Map<String, Long> counts(List<SearchPage.FacetValue> values) {
        var counts = new LinkedHashMap<String, Long>();
        if (values != null) {
            values.forEach(value -> counts.put(value.value(), value.count()));
        }
        return counts;
    }

    /** An HTML id from a filter value ("Region Sjælland" → region-region-sj-lland). */
    private static String id(String name, String value) {
        return name + "-" + value.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }
}
