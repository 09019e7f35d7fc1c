package dk.trialport.workspace;

import dk.trialport.catalogue.Trial;
import dk.trialport.catalogue.TrialEdit.Stage;
import dk.trialport.catalogue.TrialProjectionStore;
import dk.trialport.identity.TeamCaller;
import dk.trialport.identity.TrialTeams;
import dk.trialport.recruitment.application.TrialFigures;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The workspace home ({@code /arbejdsrum}): the trials of the caller's organizations (an administrator's: every
 * team's), grouped by team, with status, recruitment status, candidates and how many volunteers were told.
 */
@Controller
class WorkspaceController {

    static final String HOME = "workspace/home";

    /** One trial as the home lists it. Public so that templates can read it. */
    public record Row(
            String id,
            String title,
            String stage,
            String recruitmentStatus,
            long newCandidates,
            long candidates,
            long told) {}

    /** A team and its trials. Public so that templates can read it. */
    public record Team(String id, String name, List<Row> trials) {}

    private final TrialTeams teams;
    private final TrialProjectionStore trials;
    private final TrialFigures figures;

    WorkspaceController(TrialTeams teams, TrialProjectionStore trials, TrialFigures figures) {
        this.teams = teams;
        this.trials = trials;
        this.figures = figures;
    }

    @GetMapping("/arbejdsrum")
    Mono<String> home(TeamCaller caller, Model model, ServerWebExchange exchange) {
        var locale = exchange.getLocaleContext().getLocale();
        model.addAttribute("admin", caller.isAdmin());
        model.addAttribute("name", caller.name());
        return Callers.organizations(teams, caller)
                .flatMapMany(Flux::fromIterable)
                .concatMap(organization -> team(organization, locale))
                .collectList()
                .map(found -> {
                    model.addAttribute("teams", found);
                    return HOME;
                });
    }

    private Mono<Team> team(TrialTeams.Organization organization, Locale locale) {
        return teams.trialsOf(organization.id())
                .collectList()
                .flatMap(ids -> trials.find(ids).collectList().zipWith(figures.of(ids)))
                .map(both -> new Team(
                        organization.id(),
                        organization.name(),
                        both.getT1().stream()
                                .sorted(java.util.Comparator.comparing(Trial::lastUpdated)
                                        .reversed())
                                .map(trial -> {
                                    var counted = both.getT2().get(trial.id());
                                    return new Row(
                                            trial.id(),
                                            title(trial, locale),
                                            Stage.of(trial.status()).name().toLowerCase(Locale.ROOT),
                                            trial.recruitmentStatus(),
                                            counted.newCandidates(),
                                            counted.candidates(),
                                            counted.told());
                                })
                                .toList()));
    }

    static String title(Trial trial, Locale locale) {
        var lay = "en".equals(locale.getLanguage()) ? trial.layTitleEn() : trial.layTitleDa();
        return lay != null ? lay : trial.title();
    }
}
