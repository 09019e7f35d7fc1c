package dk.trialport.workspace;

import dk.trialport.catalogue.Freshness;
import dk.trialport.catalogue.Site;
import dk.trialport.catalogue.SiteProjectionStore;
import dk.trialport.catalogue.TrialCompleteness;
import dk.trialport.identity.TrialTeams;
import dk.trialport.search.vocabulary.Place;
import dk.trialport.search.vocabulary.PostalCodes;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The administrators' data-quality page ({@code /arbejdsrum/admin/datakvalitet}): per organization and per region,
 * how many public trials are current, flagged as stale ({@link Freshness}), and lack a Danish lay summary, a contact or
 * a site; with a bar chart drawn on the server as SVG (no JavaScript; a title and description, and the tables hold
 * the same numbers). A trial with sites in several regions counts in each; a site's region is its address's, else its
 * postal code's.
 */
@Controller
class DataQualityController {

    static final String PAGE = "workspace/quality";

    /** One row of a table and one bar of the chart. Public so that templates can read it. */
    public record Row(
            String name,
            int trials,
            int current,
            int flagged,
            int noLaySummary,
            int noContact,
            int noSite,
            double currentWidth,
            double flaggedWidth) {}

    /** One trial's findings. */
    private record Finding(
            String team,
            List<String> regions,
            boolean stale,
            boolean noLaySummary,
            boolean noContact,
            boolean noSite) {}

    private final TrialCompleteness completeness;
    private final SiteProjectionStore sites;
    private final TrialTeams teams;
    private final PostalCodes postalCodes;
    private final MessageSource messages;
    private final Clock clock;

    DataQualityController(
            TrialCompleteness completeness,
            SiteProjectionStore sites,
            TrialTeams teams,
            PostalCodes postalCodes,
            MessageSource messages,
            Clock clock) {
        this.postalCodes = postalCodes;
        this.completeness = completeness;
        this.sites = sites;
        this.teams = teams;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/arbejdsrum/admin/datakvalitet")
    Mono<String> page(Model model, ServerWebExchange exchange) {
        var locale = exchange.getLocaleContext().getLocale();
        var noTeam = messages.getMessage("quality.noTeam", null, locale);
        var noRegion = messages.getMessage("quality.noRegion", null, locale);
        var now = clock.instant();
        return Mono.zip(
                        sites.all().collectMap(Site::id, Function.identity()),
                        teams.organizations().collectMap(TrialTeams.Organization::id, TrialTeams.Organization::name))
                .flatMap(known -> completeness
                        .all()
                        .concatMap(facts -> teams.teamOf(facts.trial().id())
                                .map(team -> known.getT2().getOrDefault(team, team))
                                .defaultIfEmpty(noTeam)
                                .map(team -> finding(facts, team, known.getT1(), noRegion, now, postalCodes)))
                        .collectList())
                .map(findings -> {
                    model.addAttribute("organizations", rows(findings, f -> List.of(f.team())));
                    model.addAttribute("regions", rows(findings, Finding::regions));
                    model.addAttribute("total", findings.size());
                    model.addAttribute("admin", true);
                    return PAGE;
                });
    }

    private static Finding finding(
            TrialCompleteness.Facts facts,
            String team,
            Map<String, Site> sites,
            String noRegion,
            Instant now,
            PostalCodes postalCodes) {
        var trial = facts.trial();
        var regions = new LinkedHashSet<String>();
        trial.siteIds().stream()
                .map(sites::get)
                .filter(Objects::nonNull)
                .map(site -> site.region() != null
                        ? site.region()
                        : site.postalCode() == null
                                ? noRegion
                                : postalCodes
                                        .find(site.postalCode())
                                        .map(Place::region)
                                        .orElse(noRegion))
                .forEach(regions::add);
        if (regions.isEmpty()) {
            regions.add(noRegion);
        }
        return new Finding(
                team,
                List.copyOf(regions),
                Freshness.isStale(trial, facts.confirmedAt(), now),
                trial.summaryDa() == null || trial.summaryDa().isBlank(),
                !facts.hasContact(),
                trial.siteIds().isEmpty());
    }

    /** One row per group (sorted by name), bars scaled to the largest group. */
    static List<Row> rows(List<Finding> findings, Function<Finding, List<String>> groups) {
        var grouped = new TreeMap<String, List<Finding>>();
        findings.forEach(finding -> groups.apply(finding)
                .forEach(group ->
                        grouped.computeIfAbsent(group, g -> new ArrayList<>()).add(finding)));
        int largest = grouped.values().stream().mapToInt(List::size).max().orElse(1);
        return grouped.entrySet().stream()
                .map(entry -> {
                    var all = entry.getValue();
                    int flagged = count(all, Finding::stale);
                    int current = all.size() - flagged;
                    return new Row(
                            entry.getKey(),
                            all.size(),
                            current,
                            flagged,
                            count(all, Finding::noLaySummary),
                            count(all, Finding::noContact),
                            count(all, Finding::noSite),
                            100.0 * current / largest,
                            100.0 * flagged / largest);
                })
                .collect(Collectors.toList());
    }

    private static int count(List<Finding> findings, java.util.function.Predicate<Finding> test) {
        return (int) findings.stream().filter(test).count();
    }
}
