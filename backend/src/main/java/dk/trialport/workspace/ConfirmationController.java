package dk.trialport.workspace;

import dk.trialport.catalogue.Freshness;
import dk.trialport.identity.TeamCaller;
import dk.trialport.identity.TrialTeams;
import java.time.Clock;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/**
 * {@code POST /arbejdsrum/forsoeg/{id}/bekraeft}: the trial's team confirms with one click that its public record is
 * current ({@link Freshness}), the button on the trial's workspace page that the stale-record mail links to. Another
 * organization's trial is a 404, as everywhere in the workspace.
 */
@Controller
class ConfirmationController {

    private final TrialTeams teams;
    private final Freshness freshness;
    private final Clock clock;

    ConfirmationController(TrialTeams teams, Freshness freshness, Clock clock) {
        this.teams = teams;
        this.freshness = freshness;
        this.clock = clock;
    }

    @PostMapping("/arbejdsrum/forsoeg/{id}/bekraeft")
    Mono<String> confirm(@PathVariable String id, TeamCaller caller) {
        return Callers.mayActFor(teams, caller, id)
                .flatMap(trialId -> freshness.confirm(trialId, clock.instant()))
                .filter(Boolean::booleanValue)
                .switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND)))
                .thenReturn("redirect:/arbejdsrum/forsoeg/" + id + "?bekraeftet");
    }
}
