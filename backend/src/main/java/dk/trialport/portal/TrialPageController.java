package dk.trialport.portal;

import dk.trialport.catalogue.Freshness;
import dk.trialport.catalogue.PublicTrials;
import dk.trialport.catalogue.Trial;
import dk.trialport.catalogue.TrialDetails;
import dk.trialport.fhir.TrialDetailsReader;
import dk.trialport.search.vocabulary.ConditionVocabulary;
import dk.trialport.search.vocabulary.Place;
import dk.trialport.search.vocabulary.PostalCodes;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A trial's public page, {@code /forsoeg/{id}}: plain-language summary, who can take part, what it involves,
 * sites, contacts and registry identifiers, and "Could this be for me?" answered from the query string
 * ({@code age}, {@code sex}, {@code healthy}, {@code postalCode}). Drafts and unknown trials are not found.
 */
@Controller
class TrialPageController {

    static final String VIEW = "trial/trial";
    private static final DateTimeFormatter STALE_DATE =
            DateTimeFormatter.ofPattern("dd-MM-yyyy").withZone(ZoneId.of("Europe/Copenhagen"));

    private final PublicTrials trials;
    private final TrialDetailsReader details;
    private final PostalCodes postalCodes;
    private final MessageSource messages;
    private final ConditionVocabulary vocabulary;
    private final Freshness freshness;
    private final Clock clock;

    TrialPageController(
            PublicTrials trials,
            TrialDetailsReader details,
            PostalCodes postalCodes,
            MessageSource messages,
            ConditionVocabulary vocabulary,
            Freshness freshness,
            Clock clock) {
        this.freshness = freshness;
        this.clock = clock;
        this.vocabulary = vocabulary;
        this.trials = trials;
        this.details = details;
        this.postalCodes = postalCodes;
        this.messages = messages;
    }

    @GetMapping("/forsoeg/{id}")
    Mono<Rendering> trial(
            @PathVariable String id,
            @RequestParam MultiValueMap<String, String> parameters,
            ServerWebExchange exchange) {
        var texts = new Texts(messages, exchange.getLocaleContext().getLocale());
        return trials.find(id)
                .switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND)))
                .flatMap(trial -> freshness
                        .confirmedAt(id)
                        .map(Optional::of)
                        .defaultIfEmpty(Optional.empty())
                        .flatMap(confirmed -> details.read(id)
                                .defaultIfEmpty(empty(id))
                                .map(found -> page(trial, found, parameters, texts)
                                        .modelAttribute("stale", staleNotice(trial, confirmed.orElse(null), texts))
                                        .build())));
    }

    /** What the page says plainly of a stale record (see {@link Freshness}); null for a current one. */
    private String staleNotice(Trial trial, Instant confirmedAt, Texts texts) {
        var now = clock.instant();
        if (!Freshness.isStale(trial, confirmedAt, now)) {
            return null;
        }
        if ("recruiting".equals(trial.effectiveRecruitmentStatus())
                && trial.periodEnd() != null
                && !trial.periodEnd().isAfter(now)) {
            return texts.get("stale.page.ended");
        }
        var since = Freshness.currentSince(trial, confirmedAt);
        var registrySays = trial.registryUpdated() != null && since.equals(trial.registryUpdated());
        return texts.get(registrySays ? "stale.page.registry" : "stale.page.unconfirmed", STALE_DATE.format(since));
    }

    private Rendering.Builder<?> page(
            Trial trial, TrialDetails found, MultiValueMap<String, String> parameters, Texts texts) {
        var form = PersonForm.of(parameters);
        var rows = CheckRows.rows(trial, found, form, postalCodes, texts);
        var from = form.errors().containsKey("postalCode") || form.postalCode().isEmpty()
                ? null
                : postalCodes.find(form.postalCode()).map(Place::point).orElse(null);
        var errors = new LinkedHashMap<String, String>();
        form.errors().forEach((field, key) -> errors.put(field, texts.get(key)));
        return Rendering.view(VIEW)
                .status(errors.isEmpty() ? HttpStatus.OK : HttpStatus.BAD_REQUEST)
                .modelAttribute("trial", TrialViews.view(trial, found, from, texts, vocabulary))
                .modelAttribute("check", form)
                .modelAttribute("checkRows", rows)
                .modelAttribute("errors", errors)
                .modelAttribute("sexOptions", List.of("", "female", "male"))
                .modelAttribute("healthyOptions", List.of("", "false", "true"));
    }

    private static TrialDetails empty(String id) {
        return new TrialDetails(id, null, false, null, List.of(), List.of());
    }
}
