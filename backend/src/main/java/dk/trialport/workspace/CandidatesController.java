package dk.trialport.workspace;

import dk.trialport.catalogue.TrialProjectionStore;
import dk.trialport.catalogue.TrialTitles;
import dk.trialport.identity.TeamCaller;
import dk.trialport.recruitment.application.WorkingCandidates;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A trial's candidates for its team ({@code /arbejdsrum/forsoeg/{id}/kandidater}): every interest registration,
 * newest first, under a pseudonymous label, and the same as a screening log in CSV. Anyone who may not act for
 * the trial gets 404, as for a trial that does not exist.
 */
@Controller
class CandidatesController {

    static final String LIST = "workspace/candidates/list";

    private final WorkingCandidates candidates;
    private final TrialProjectionStore trials;
    private final MessageSource messages;

    CandidatesController(WorkingCandidates candidates, TrialProjectionStore trials, MessageSource messages) {
        this.candidates = candidates;
        this.trials = trials;
        this.messages = messages;
    }

    @GetMapping("/arbejdsrum/forsoeg/{id}/kandidater")
    Mono<String> list(@PathVariable String id, TeamCaller caller, Model model, ServerWebExchange exchange) {
        return candidates
                .list(caller, id, WorkingCandidates.LISTED)
                .zipWith(TrialTitles.of(trials, id, exchange.getLocaleContext().getLocale()))
                .zipWith(candidates.erased(caller, id), (found, erased) -> {
                    model.addAttribute("erased", erased);
                    return found;
                })
                .map(found -> {
                    model.addAttribute("trialId", id);
                    model.addAttribute("admin", caller.isAdmin());
                    model.addAttribute("trialTitle", found.getT2());
                    model.addAttribute("candidates", found.getT1());
                    return LIST;
                })
                .switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND)));
    }

    @GetMapping("/arbejdsrum/forsoeg/{id}/kandidater.csv")
    @ResponseBody
    Mono<ResponseEntity<byte[]>> csv(@PathVariable String id, TeamCaller caller, ServerWebExchange exchange) {
        var locale = exchange.getLocaleContext().getLocale();
        return candidates
                .list(caller, id, WorkingCandidates.EXPORTED)
                .map(list -> CandidatesCsv.write(list, key -> messages.getMessage(key, null, key, locale)))
                .map(body -> ResponseEntity.ok()
                        .header(
                                HttpHeaders.CONTENT_DISPOSITION,
                                "attachment; filename=\"kandidater-" + id.replaceAll("[^A-Za-z0-9-]", "") + "-"
                                        + LocalDate.now(ZoneId.of("Europe/Copenhagen")) + ".csv\"")
                        .contentType(MediaType.parseMediaType(CandidatesCsv.MEDIA_TYPE))
                        .body(body))
                .switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND)));
    }
}
