package dk.trialport.fhir;

import dk.trialport.catalogue.CatalogueException;
import dk.trialport.catalogue.CatalogueStore;
import dk.trialport.catalogue.Trial;
import dk.trialport.catalogue.TrialProjectionStore;
import dk.trialport.identity.TeamCaller;
import dk.trialport.identity.TrialTeams;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Which trials a caller may change: a trial belongs to the team of the organization that created it,
 * and only that team's members and hospital systems, and administrators, may update or delete it or read
 * its candidates. A caller who is not an administrator must act for an organization to write a trial at
 * all. Sites and organizations (Location, Organization, PractitionerRole) are shared by many trials and
 * follow the SMART scopes only.
 */
@Component
class TrialOwnership {

    static final String TRIAL = "ResearchStudy";

    private final TrialTeams teams;
    private final CatalogueStore store;
    private final TrialProjectionStore trials;
    private final FhirAccess access;

    TrialOwnership(TrialTeams teams, CatalogueStore store, TrialProjectionStore trials, FhirAccess access) {
        this.teams = teams;
        this.store = store;
        this.trials = trials;
        this.access = access;
    }

    /** The rules for this request's caller; a request without a token may write no trial. */
    Mono<Rules> rules() {
        return access.caller().map(Rules::new).defaultIfEmpty(new Rules(null));
    }

    /**
     * The teams whose drafts this request's caller may find in a search: every team's (empty) for an administrator,
     * their own teams' for a team member or hospital system, none for anyone else.
     */
    Mono<Optional<Set<String>>> draftTeams() {
        return access.caller()
                .flatMap(caller -> caller.isAdmin()
                        ? Mono.just(Optional.<Set<String>>empty())
                        : teams.organizationsOf(caller).map(Optional::of))
                .defaultIfEmpty(Optional.of(Set.of()));
    }

    /** One caller's rules. */
    final class Rules implements AccessCheck {

        private final TeamCaller caller;
        private final Mono<String> organization;

        private Rules(TeamCaller caller) {
            this.caller = caller;
            this.organization =
                    caller == null ? Mono.empty() : organizationOf(caller).cache();
        }

        /** Before anything is written: someone writing a trial must be an administrator or act for an organization. */
        Mono<Void> mayWrite(String type) {
            if (!TRIAL.equals(type) || caller != null && caller.isAdmin()) {
                return Mono.empty();
            }
            return organization
                    .switchIfEmpty(
                            Mono.error(
                                    () -> forbidden(
                                            caller == null
                                                    ? "Writing a trial needs a token"
                                                    : "Only a trial team writes trials: the token of "
                                                            + caller.subject()
                                                            + " names no organization (organization claim) and it is not a member of exactly one")))
                    .then();
        }

        /** Before an update or delete of {@code type/id}: an existing trial may be changed only by its team. */
        Mono<Void> mayChange(String type, String id) {
            if (!TRIAL.equals(type)) {
                return Mono.empty();
            }
            return mayWrite(type)
                    .then(store.read(type, id).hasElement().flatMap(exists -> exists ? mayActFor(id) : Mono.empty()));
        }

        /** After the write, in its transaction: a new trial becomes the caller's team's; a changed one must be it. */
        @Override
        public Mono<Void> written(String type, String id, boolean created) {
            if (!TRIAL.equals(type)) {
                return Mono.empty();
            }
            var claim = created ? organization.flatMap(team -> teams.claim(id, team)) : Mono.<Void>empty();
            return claim.then(mayActFor(id));
        }

        /**
         * Before a read of {@code type/id} (its versions and history too): a draft trial is seen by its team and
         * administrators only; to anyone else it does not exist (404), as on the portal and in searches.
         */
        @Override
        public Mono<Void> mayRead(String type, String id) {
            return maySee(type, id)
                    .flatMap(allowed ->
                            allowed ? Mono.<Void>empty() : Mono.error(new CatalogueException.NotFound(type, id)));
        }

        /**
         * Whether {@code type/id} exists for this caller: everything but a trial that is not public (a draft, by
         * {@link Trial#isPublic()}, the one definition) of another team does.
         */
        Mono<Boolean> maySee(String type, String id) {
            if (!TRIAL.equals(type)) {
                return Mono.just(true);
            }
            return trials.find(id)
                    .filter(trial -> !trial.isPublic())
                    .flatMap(draft -> caller == null ? Mono.just(false) : teams.mayActFor(caller, id))
                    .defaultIfEmpty(true);
        }

        /** The candidates of a trial may be read by its team and administrators only. */
        Mono<Void> mayReadCandidates(String trialId) {
            return mayActFor(trialId);
        }

        private Mono<Void> mayActFor(String trialId) {
            if (caller == null) {
                return Mono.error(forbidden("This needs a token"));
            }
            return teams.mayActFor(caller, trialId)
                    .flatMap(allowed -> allowed
                            ? Mono.<Void>empty()
                            : teams.teamOf(trialId)
                                    .map(
                                            team -> "ResearchStudy/" + trialId
                                                    + " is run by another organization's team (" + team
                                                    + "); only that team and administrators may change it or read its candidates")
                                    .defaultIfEmpty("ResearchStudy/" + trialId
                                            + " belongs to no trial team (e.g. it was imported from a "
                                            + "registry); only administrators may change it or read its candidates")
                                    .flatMap(reason -> Mono.error(forbidden(reason))));
        }
    }

    /**
     * The organization a caller writes for: the one its token names, else the only one it was assigned to;
     * empty when it acts for none, or for several without naming one.
     */
    private Mono<String> organizationOf(TeamCaller caller) {
        if (caller.organization() != null && !caller.organization().isBlank()) {
            return Mono.just(caller.organization());
        }
        return teams.organizationsOf(caller)
                .flatMap(all -> all.size() == 1 ? Mono.just(all.iterator().next()) : Mono.empty());
    }

    private static FhirProblem forbidden(String message) {
        return new FhirProblem(HttpStatus.FORBIDDEN, "forbidden", message, null);
    }
}
