package dk.trialport.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import dk.trialport.api.InvalidParameter;
import dk.trialport.api.JsonApi;
import dk.trialport.catalogue.PublicTrials;
import dk.trialport.catalogue.Site;
import dk.trialport.catalogue.SiteProjectionStore;
import dk.trialport.catalogue.Trial;
import dk.trialport.search.vocabulary.Place;
import dk.trialport.search.vocabulary.PostalCodes;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/v1/trials/{id}}: one trial as anyone may see it, in the reader's language where the trial has it.
 * A draft is as unknown as an id nothing has (404), whoever asks: the API is public.
 */
@RestController
@JsonApi
class PublicTrialController {

    /** A FHIR resource id. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

    private final PublicTrials trials;
    private final SiteProjectionStore sites;
    private final PostalCodes postalCodes;

    PublicTrialController(PublicTrials trials, SiteProjectionStore sites, PostalCodes postalCodes) {
        this.trials = trials;
        this.sites = sites;
        this.postalCodes = postalCodes;
    }

    /** One public trial; fields the trial does not state are left out. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PublicTrial(
            String id,
            List<String> identifiers,
            String title,
            String scientificTitle,
            String summary,
            String status,
            String recruitmentStatus,
            boolean openForInterest,
            List<String> phases,
            List<String> conditions,
            String studyType,
            String sponsor,
            Double minimumAge,
            Double maximumAge,
            String sex,
            Boolean healthyVolunteers,
            Boolean decentralized,
            String startDate,
            String lastUpdated,
            List<TrialSite> sites) {}

    /** A site of the trial, with its region from the postal code when the site names none. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TrialSite(String name, String hospital, String city, String postalCode, String region) {}

    @GetMapping("/api/v1/trials/{id}")
    Mono<PublicTrial> trial(
            @PathVariable String id,
            @RequestParam MultiValueMap<String, String> parameters,
            ServerWebExchange exchange) {
        for (var name : parameters.keySet()) {
            if (!name.equals("lang")) {
                throw new InvalidParameter(name, "Unknown parameter " + name);
            }
        }
        TrialSearchController.checkLanguage(parameters);
        if (!ID.matcher(id).matches()) {
            throw new InvalidParameter("id", "A trial id has 1 to 64 letters, digits, '-' and '.'");
        }
        var english = SearchResults.isEnglish(exchange.getLocaleContext().getLocale());
        return trials.find(id)
                .switchIfEmpty(Mono.error(
                        () -> new InvalidParameter(HttpStatus.NOT_FOUND, "id", "No public trial has the id " + id)))
                .flatMap(trial -> sites.find(trial.siteIds()).collectList().map(found -> view(trial, found, english)));
    }

    private PublicTrial view(Trial trial, List<Site> found, boolean english) {
        var title = english
                ? SearchResults.firstOf(trial.layTitleEn(), trial.title(), trial.layTitleDa())
                : SearchResults.firstOf(trial.layTitleDa(), trial.layTitleEn(), trial.title());
        var summary = english
                ? SearchResults.firstOf(trial.summaryEn(), trial.summaryDa())
                : SearchResults.firstOf(trial.summaryDa(), trial.summaryEn());
        var ordered = found.stream()
                .sorted(Comparator.comparingInt(site -> trial.siteIds().indexOf(site.id())))
                .map(this::site)
                .toList();
        return new PublicTrial(
                trial.id(),
                trial.identifiers().stream()
                        .map(Trial.Identifier::value)
                        .filter(Objects::nonNull)
                        .toList(),
                title,
                trial.title(),
                summary,
                trial.status(),
                trial.effectiveRecruitmentStatus(),
                trial.isOpenForInterest(),
                trial.phases(),
                trial.conditions().stream()
                        .map(Trial.Condition::text)
                        .filter(Objects::nonNull)
                        .toList(),
                trial.studyType(),
                trial.sponsor(),
                trial.minimumAgeYears(),
                trial.maximumAgeYears(),
                trial.sex(),
                trial.healthyVolunteers(),
                trial.decentralized(),
                trial.start(),
                trial.lastUpdated().toString(),
                ordered);
    }

    private TrialSite site(Site site) {
        var region = site.region() != null || site.postalCode() == null
                ? site.region()
                : postalCodes.find(site.postalCode()).map(Place::region).orElse(null);
        return new TrialSite(site.name(), site.hospital(), site.city(), site.postalCode(), region);
    }
}
