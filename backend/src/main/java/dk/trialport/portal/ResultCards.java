package dk.trialport.portal;

import dk.trialport.search.SearchPage;
import dk.trialport.search.vocabulary.ConditionVocabulary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.web.util.UriComponentsBuilder;

/** Turns the search's items into result cards in the reader's language. */
final class ResultCards {

    private ResultCards() {}

    static ResultCard card(SearchPage.Item item, SearchForm form, Texts texts, ConditionVocabulary vocabulary) {
        var site = item.nearestSite();
        var snippet = snippet(item, texts);
        return new ResultCard(
                href(item.id(), form),
                title(item, texts),
                titleLanguage(item, texts),
                snippet,
                TextLanguage.ifOther(Highlights.plainText(snippet), texts.locale()),
                item.recruitmentStatus() == null ? null : texts.facet("status", item.recruitmentStatus()),
                ConditionNames.ofNames(item.conditions(), vocabulary, texts),
                site == null ? null : site.name() + (site.city() == null ? "" : ", " + site.city()),
                site == null || site.distanceKm() == null
                        ? null
                        : texts.get(
                                "search.card.distance", texts.number(Math.round(site.distanceKm())), form.postalCode()),
                texts.ageRange(item.minimumAge(), item.maximumAge()),
                texts.sex(item.sex()),
                fit(item, form, texts),
                Boolean.TRUE.equals(item.stale()));
    }

    /** The trial page, carrying what the person told so "Could this be for me?" can answer at once. */
    static String href(String id, SearchForm form) {
        var uri = UriComponentsBuilder.fromPath("/forsoeg/{id}");
        for (var name : List.of("age", "sex", "postalCode")) {
            var value = switch (name) {
                case "age" -> form.age();
                case "sex" -> form.sex();
                default -> form.postalCode();
            };
            if (!value.isEmpty()) {
                uri.queryParam(name, value);
            }
        }
        return uri.encode().buildAndExpand(id).toUriString();
    }

    private static List<Highlights.Segment> title(SearchPage.Item item, Texts texts) {
        var fields = texts.english() ? List.of("layTitleEn", "layTitleDa") : List.of("layTitleDa", "layTitleEn");
        return marked(item.highlights(), fields, item.title()).orElse(Highlights.unmarked(item.title()));
    }

    private static String titleLanguage(SearchPage.Item item, Texts texts) {
        if (item.titleLanguage() == null) {
            return TextLanguage.ifOther(item.title(), texts.locale());
        }
        return item.titleLanguage().equals(texts.locale().getLanguage()) ? null : item.titleLanguage();
    }

    private static List<Highlights.Segment> snippet(SearchPage.Item item, Texts texts) {
        var fields = texts.english() ? List.of("summaryEn", "summaryDa") : List.of("summaryDa", "summaryEn");
        var highlights = item.highlights() == null ? Map.<String, List<String>>of() : item.highlights();
        for (var field : fields) {
            var fragments = highlights.get(field);
            if (fragments != null && !fragments.isEmpty()) {
                var fragment = fragments.get(0);
                return Highlights.segments(
                        Highlights.plain(fragment).equals(item.summary()) ? fragment : fragment + " …");
            }
        }
        return Highlights.unmarked(item.summary());
    }

    /** The highlight of the field that holds the shown text, if the search marked it. */
    private static Optional<List<Highlights.Segment>> marked(
            Map<String, List<String>> highlights, List<String> fields, String shown) {
        if (highlights == null || shown == null) {
            return Optional.empty();
        }
        return fields.stream()
                .map(highlights::get)
                .filter(fragments -> fragments != null && fragments.size() == 1)
                .map(fragments -> fragments.get(0))
                .filter(text -> Highlights.plain(text).equals(shown))
                .findFirst()
                .map(Highlights::segments);
    }

    private static String fit(SearchPage.Item item, SearchForm form, Texts texts) {
        if (!form.hasPerson()) {
            return null;
        }
        var eligibility = new EligibilityCheck.Eligibility(
                true, item.minimumAge(), item.maximumAge(), item.sex(), item.healthyVolunteers());
        var parts = new ArrayList<String>();
        parseAge(form.age())
                .ifPresent(age -> parts.add(texts.get("search.fit.age."
                        + EligibilityCheck.age(eligibility, age).answer().name().toLowerCase(Locale.ROOT))));
        if (!form.sex().isEmpty()) {
            parts.add(texts.get("search.fit.sex."
                    + EligibilityCheck.sex(eligibility, form.sex())
                            .answer()
                            .name()
                            .toLowerCase(Locale.ROOT)));
        }
        return parts.isEmpty() ? null : String.join(" ", parts);
    }

    private static Optional<Double> parseAge(String age) {
        try {
            return age.isEmpty() ? Optional.empty() : Optional.of(Double.parseDouble(age));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
