package dk.trialport.workspace;

import dk.trialport.catalogue.TrialProjectionStore;
import dk.trialport.catalogue.TrialTitles;
import dk.trialport.identity.TeamCaller;
import dk.trialport.recruitment.application.TalkingWithTheTeam;
import dk.trialport.recruitment.application.WorkingCandidates;
import dk.trialport.recruitment.model.CandidateStatus;
import dk.trialport.recruitment.model.InterestRegistration;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * One candidate for the trial team ({@code /arbejdsrum/kandidater/{id}}): status in the pipeline, notes, the
 * message thread with the person, and their contact details only once they shared them. 404 for anyone who
 * may not act for the candidate's trial.
 */
@Controller
class CandidatePageController {

    static final String PAGE = "workspace/candidates/candidate";
    static final int MAX_TEXT = TalkingWithTheTeam.MAX_TEXT;

    private final WorkingCandidates candidates;
    private final TrialProjectionStore trials;
    private final MessageSource messages;

    CandidatePageController(WorkingCandidates candidates, TrialProjectionStore trials, MessageSource messages) {
        this.candidates = candidates;
        this.trials = trials;
        this.messages = messages;
    }

    @GetMapping("/arbejdsrum/kandidater/{id}")
    Mono<String> page(@PathVariable UUID id, TeamCaller caller, Model model, ServerWebExchange exchange) {
        return render(caller, id, model, exchange, Map.of(), Map.of()).switchIfEmpty(notFound());
    }

    @PostMapping("/arbejdsrum/kandidater/{id}/status")
    Mono<String> status(@PathVariable UUID id, TeamCaller caller, Model model, ServerWebExchange exchange) {
        return exchange.getFormData()
                .zipWith(Mono.just(caller))
                .flatMap(found -> {
                    var status = Arrays.stream(CandidateStatus.values())
                            .filter(candidate ->
                                    candidate.code().equals(found.getT1().getFirst("status")))
                            .findFirst();
                    if (status.isEmpty()) {
                        return invalid(found.getT2(), id, model, exchange, "status", "candidates.error.status", "");
                    }
                    return candidates
                            .changeStatus(found.getT2(), id, status.get())
                            .map(moved -> redirect(id, "flyttet"))
                            .onErrorResume(
                                    InterestRegistration.NotAllowed.class,
                                    refused -> refused(found.getT2(), id, model, exchange, "status"));
                })
                .switchIfEmpty(notFound());
    }

    @PostMapping("/arbejdsrum/kandidater/{id}/noter")
    Mono<String> note(@PathVariable UUID id, TeamCaller caller, Model model, ServerWebExchange exchange) {
        return text(caller, id, model, exchange, "note", candidates::addNote, "noteret");
    }

    @PostMapping("/arbejdsrum/kandidater/{id}/beskeder")
    Mono<String> message(@PathVariable UUID id, TeamCaller caller, Model model, ServerWebExchange exchange) {
        return text(caller, id, model, exchange, "message", candidates::write, "sendt");
    }

    /** A note or a message: 1 to {@value #MAX_TEXT} characters, else the page again with the error at the field. */
    private Mono<String> text(
            TeamCaller caller,
            UUID id,
            Model model,
            ServerWebExchange exchange,
            String field,
            TriFunction<TeamCaller, UUID, String, Mono<InterestRegistration>> action,
            String done) {
        return exchange.getFormData()
                .flatMap(form -> {
                    var body = form.getFirst(field);
                    var trimmed = body == null ? "" : body.strip();
                    if (trimmed.isEmpty() || trimmed.length() > MAX_TEXT) {
                        var key = trimmed.isEmpty() ? "candidates.error.empty" : "candidates.error.tooLong";
                        return invalid(caller, id, model, exchange, field, key, trimmed);
                    }
                    return action.apply(caller, id, trimmed)
                            .map(saved -> redirect(id, done))
                            .onErrorResume(
                                    InterestRegistration.NotAllowed.class,
                                    refused -> refused(caller, id, model, exchange, field));
                })
                .switchIfEmpty(notFound());
    }

    /** A function of three arguments (the caller, the candidate, the text). */
    @FunctionalInterface
    interface TriFunction<A, B, C, R> {
        R apply(A a, B b, C c);
    }

    private Mono<String> invalid(
            TeamCaller caller,
            UUID id,
            Model model,
            ServerWebExchange exchange,
            String field,
            String key,
            String typed) {
        exchange.getResponse().setStatusCode(HttpStatus.BAD_REQUEST);
        return render(caller, id, model, exchange, Map.of(field, key), Map.of(field, typed));
    }

    private Mono<String> refused(TeamCaller caller, UUID id, Model model, ServerWebExchange exchange, String field) {
        exchange.getResponse().setStatusCode(HttpStatus.CONFLICT);
        return render(caller, id, model, exchange, Map.of(field, "candidates.error.withdrawn"), Map.of());
    }

    private Mono<String> render(
            TeamCaller caller,
            UUID id,
            Model model,
            ServerWebExchange exchange,
            Map<String, String> errors,
            Map<String, String> typed) {
        var locale = exchange.getLocaleContext().getLocale();
        return candidates
                .open(caller, id)
                .flatMap(file -> TrialTitles.of(trials, file.registration().trialId(), locale)
                        .map(title -> {
                            var shown = new java.util.LinkedHashMap<String, String>();
                            errors.forEach(
                                    (field, key) -> shown.put(field, messages.getMessage(key, null, key, locale)));
                            model.addAttribute("file", file);
                            model.addAttribute("admin", caller.isAdmin());
                            model.addAttribute("r", file.registration());
                            model.addAttribute("trialTitle", title);
                            model.addAttribute(
                                    "statuses",
                                    Arrays.stream(CandidateStatus.values())
                                            .filter(status -> status != CandidateStatus.WITHDRAWN)
                                            .toList());
                            model.addAttribute("errors", shown);
                            model.addAttribute("typed", typed);
                            model.addAttribute("maxText", MAX_TEXT);
                            return PAGE;
                        }));
    }

    private static String redirect(UUID id, String done) {
        return "redirect:/arbejdsrum/kandidater/" + id + "?" + done;
    }

    private static <T> Mono<T> notFound() {
        return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
