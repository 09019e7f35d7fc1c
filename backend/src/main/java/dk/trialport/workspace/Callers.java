package dk.trialport.workspace;

import dk.trialport.identity.TeamCaller;
import dk.trialport.identity.TrialTeams;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/** The organizations a workspace user acts for, and the check that they may act for a trial. */
final class Callers {

    private Callers() {}

    /** The trial's id when the caller may act for it; otherwise a 404, so another team's trial is not even confirmed. */
    static Mono<String> mayActFor(TrialTeams teams, TeamCaller caller, String trialId) {
        return teams.mayActFor(caller, trialId)
                .filter(Boolean::booleanValue)
                .map(yes -> trialId)
                .switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND)));
    }

    /** The organizations the caller may make a trial's team: every one for an administrator, else their own. */
    static Mono<List<TrialTeams.Organization>> organizations(TrialTeams teams, TeamCaller caller) {
        if (caller.isAdmin()) {
            return teams.organizations().collectList();
        }
        return teams.organizationsOf(caller)
                .flatMapMany(reactor.core.publisher.Flux::fromIterable)
                .concatMap(id -> teams.organization(id).defaultIfEmpty(new TrialTeams.Organization(id, id)))
                .sort(java.util.Comparator.comparing(TrialTeams.Organization::name))
                .collectList();
    }
}
