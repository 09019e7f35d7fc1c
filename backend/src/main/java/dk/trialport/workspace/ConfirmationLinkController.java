package dk.trialport.workspace;

import dk.trialport.catalogue.ConfirmationLinks;
import dk.trialport.catalogue.Freshness;
import dk.trialport.catalogue.PublicTrials;
import dk.trialport.catalogue.TrialTitles;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code /bekraeft/{token}}: the one-click confirmation link of a stale trial's reminder mail ({@link
 * ConfirmationLinks}), no login needed. Opening the link changes nothing (mail scanners open links): the page names
 * the trial and offers one button; pressing it confirms the trial is current ({@link Freshness#confirmByLink}). A
 * link used already says so; an expired or unknown one says how to confirm in the workspace instead.
 */
@Controller
class ConfirmationLinkController {

    static final String VIEW = "workspace/confirm";
    private static final Logger log = LoggerFactory.getLogger(ConfirmationLinkController.class);

    /** What the page shows: the button, thanks, a used link, or a link that does not work. */
    enum State {
        OPEN,
        CONFIRMED,
        USED,
        INVALID
    }

    private final ConfirmationLinks links;
    private final Freshness freshness;
    private final PublicTrials trials;
    private final Clock clock;

    ConfirmationLinkController(ConfirmationLinks links, Freshness freshness, PublicTrials trials, Clock clock) {
        this.links = links;
        this.freshness = freshness;
        this.trials = trials;
        this.clock = clock;
    }

    @GetMapping("/bekraeft/{token}")
    Mono<Rendering> page(@PathVariable String token, ServerWebExchange exchange) {
        var locale = exchange.getLocaleContext().getLocale();
        var link = links.read(token);
        if (link.isEmpty()) {
            return Mono.just(invalid());
        }
        var justConfirmed = exchange.getRequest().getQueryParams().containsKey("bekraeftet");
        return trials.find(link.get().trialId())
                .flatMap(trial -> freshness
                        .confirmedAt(trial.id())
                        .map(Optional::of)
                        .defaultIfEmpty(Optional.empty())
                        .map(confirmed -> {
                            var state = justConfirmed
                                    ? State.CONFIRMED
                                    : used(confirmed, link.get().issuedAt()) ? State.USED : State.OPEN;
                            return view(state, HttpStatus.OK)
                                    .modelAttribute("token", token)
                                    .modelAttribute("trialId", trial.id())
                                    .modelAttribute("trialTitle", TrialTitles.of(trial, title(locale)))
                                    .build();
                        }))
                .defaultIfEmpty(invalid());
    }

    @PostMapping("/bekraeft/{token}")
    Mono<Rendering> confirm(@PathVariable String token) {
        var link = links.read(token);
        if (link.isEmpty()) {
            return Mono.just(invalid());
        }
        return freshness
                .confirmByLink(link.get().trialId(), link.get().issuedAt(), clock.instant())
                .doOnNext(confirmed -> {
                    if (confirmed) {
                        log.info(
                                "Trial {} confirmed current through its mailed link",
                                link.get().trialId());
                    }
                })
                .thenReturn(Rendering.redirectTo("/bekraeft/" + token + "?bekraeftet")
                        .build());
    }

    private static boolean used(Optional<Instant> confirmedAt, Instant issuedAt) {
        return confirmedAt.isPresent() && !confirmedAt.get().isBefore(issuedAt);
    }

    private static Locale title(Locale locale) {
        return locale == null ? Locale.forLanguageTag("da") : locale;
    }

    private static Rendering invalid() {
        return view(State.INVALID, HttpStatus.NOT_FOUND).build();
    }

    private static Rendering.Builder<?> view(State state, HttpStatus status) {
        return Rendering.view(VIEW).status(status).modelAttribute("state", state.name());
    }
}
