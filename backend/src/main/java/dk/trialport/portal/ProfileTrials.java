package dk.trialport.portal;

import dk.trialport.catalogue.Trial;
import dk.trialport.recruitment.model.InterestProfile;
import dk.trialport.search.SearchPage;
import dk.trialport.search.vocabulary.ConditionVocabulary;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The open trials that fit a person's interest profile now, as the profile page shows them: result cards nearest
 * first, how many there are in all, and the same search on the search page. Public so that templates can read it.
 *
 * @param cards the nearest trials, as result cards; empty when none fit, or when the search could not answer
 * @param total how many trials fit in all, or null when the search could not answer
 * @param searchHref the search page with the profile's filters, to see them all or search further
 */
public record ProfileTrials(
        List<ResultCard> cards, Long total, String searchHref, boolean healthy, String postalCode, int travelKm) {

    /** How many trials the profile page shows. */
    static final int SHOWN = 10;

    private static final ZoneId DENMARK = ZoneId.of("Europe/Copenhagen");

    /** The trials of one search page for this profile. */
    static ProfileTrials of(InterestProfile profile, SearchPage page, Texts texts, ConditionVocabulary vocabulary) {
        var form = form(profile);
        var cards = page.items().stream()
                .map(item -> ResultCards.card(item, form, texts, vocabulary))
                .toList();
        return new ProfileTrials(
                cards,
                page.total(),
                searchHref(profile),
                profile.healthyVolunteer(),
                profile.postalCode(),
                profile.travelKm());
    }

    /** When the search could not answer: the page says so and still links to the search. */
    static ProfileTrials unavailable(InterestProfile profile) {
        return new ProfileTrials(
                List.of(),
                null,
                searchHref(profile),
                profile.healthyVolunteer(),
                profile.postalCode(),
                profile.travelKm());
    }

    public boolean isUnavailable() {
        return total == null;
    }

    /** What the person told, as the search form would hold it: the cards measure distance and fit by it. */
    private static SearchForm form(InterestProfile profile) {
        return new SearchForm(
                "", age(profile), searchableSex(profile), "", "", profile.postalCode(), "", "", Map.of(), List.of());
    }

    /**
     * The search page with the profile's criteria: areas (or healthy volunteers), age, sex, postal code and travel
     * distance, open trials only, nearest first. The search knows no sex "other", so that profile's link leaves sex out.
     */
    static String searchHref(InterestProfile profile) {
        var parameters = new LinkedMultiValueMap<String, String>();
        if (profile.healthyVolunteer()) {
            parameters.add("healthyVolunteers", "true");
        } else {
            parameters.put("condition", profile.areas());
        }
        parameters.add("age", age(profile));
        var sex = searchableSex(profile);
        if (!sex.isEmpty()) {
            parameters.add("sex", sex);
        }
        parameters.add("postalCode", profile.postalCode());
        parameters.add("distanceKm", Integer.toString(profile.travelKm()));
        parameters.put("status", Trial.OPEN_RECRUITMENT);
        parameters.add("sort", "distance");
        return UriComponentsBuilder.fromPath(PageLinks.PATH)
                .queryParams(parameters)
                .build()
                .encode()
                .toUriString();
    }

    private static String age(InterestProfile profile) {
        return Integer.toString(profile.ageOn(LocalDate.now(DENMARK)));
    }

    private static String searchableSex(InterestProfile profile) {
        return "female".equals(profile.sex()) || "male".equals(profile.sex()) ? profile.sex() : "";
    }
}
