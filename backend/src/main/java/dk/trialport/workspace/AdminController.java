package dk.trialport.workspace;

import dk.trialport.audit.AuditLog;
import dk.trialport.catalogue.TrialProjectionStore;
import dk.trialport.identity.TeamCaller;
import dk.trialport.identity.TrialTeams;
import dk.trialport.registry.ImportJobs;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The administrators' page ({@code /arbejdsrum/admin}): organizations and their members, adding and removing a
 * member, creating an organization, handing a trial to another team; what the last registry import or sync did
 * (its counts and its rejections by reason). Changes to who is a member (personal data)
 * are written to the audit log.
 */
@Controller
class AdminController {

    static final String PAGE = "workspace/admin";
    private static final Pattern ORGANIZATION_ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");

    /** An organization with its members and trials. Public so that templates can read it. */
    public record Team(TrialTeams.Organization organization, List<TrialTeams.Member> members, long trials) {}

    /** A new organization as entered. */
    public record OrganizationForm(String id, String name) {}

    /** A member to add or remove, as entered. */
    public record MemberForm(String organization, String subject, String displayName) {}

    /** A trial to hand to another team, as entered. */
    public record HandOverForm(String trial, String organization) {}

    /** A trial that can be handed over. Public so that templates can read it. */
    public record Choice(String id, String label) {}

    private final TrialTeams teams;
    private final TrialProjectionStore trials;
    private final AuditLog audit;
    private final MessageSource messages;
    private final ImportJobs imports;

    AdminController(
            TrialTeams teams, TrialProjectionStore trials, AuditLog audit, MessageSource messages, ImportJobs imports) {
        this.teams = teams;
        this.trials = trials;
        this.audit = audit;
        this.messages = messages;
        this.imports = imports;
    }

    @GetMapping("/arbejdsrum/admin")
    Mono<String> page(Model model, ServerWebExchange exchange) {
        return page(model, exchange, Map.of(), Map.of());
    }

    @PostMapping("/arbejdsrum/admin/organisationer")
    Mono<String> createOrganization(@ModelAttribute OrganizationForm form, Model model, ServerWebExchange exchange) {
        var id = text(form.id());
        var name = text(form.name());
        var errors = new LinkedHashMap<String, String>();
        if (!ORGANIZATION_ID.matcher(id).matches()) {
            errors.put("organizationId", "workspace.admin.error.organizationId");
        }
        if (name.isBlank()) {
            errors.put("organizationName", "workspace.error.required");
        }
        if (!errors.isEmpty()) {
            return invalid(model, exchange, errors, Map.of("organizationId", id, "organizationName", name));
        }
        return teams.saveOrganization(new TrialTeams.Organization(id, name))
                .thenReturn("redirect:/arbejdsrum/admin?organisation");
    }

    @PostMapping("/arbejdsrum/admin/medlemmer")
    Mono<String> addMember(
            @ModelAttribute MemberForm form, TeamCaller caller, Model model, ServerWebExchange exchange) {
        var organization = text(form.organization());
        var subject = text(form.subject());
        var displayName = text(form.displayName());
        var errors = new LinkedHashMap<String, String>();
        if (subject.isBlank()) {
            errors.put("subject", "workspace.error.required");
        }
        return teams.organization(organization).hasElement().flatMap(known -> {
            if (!known) {
                errors.put("memberOrganization", "workspace.error.organization");
            }
            if (!errors.isEmpty()) {
                return invalid(model, exchange, errors, Map.of("subject", subject, "displayName", displayName));
            }
            return teams.addMember(organization, subject, displayName.isBlank() ? null : displayName, caller.subject())
                    .then(audit.record(
                            caller.name(),
                            caller.auditRole(),
                            "team-member-added",
                            subject,
                            "Organization/" + organization,
                            "assigned to the organization's trial team"))
                    .thenReturn("redirect:/arbejdsrum/admin?tilfoejet");
        });
    }

    @PostMapping("/arbejdsrum/admin/medlemmer/fjern")
    Mono<String> removeMember(@ModelAttribute MemberForm form, TeamCaller caller) {
        var organization = text(form.organization());
        var subject = text(form.subject());
        return teams.removeMember(organization, subject)
                .then(audit.record(
                        caller.name(),
                        caller.auditRole(),
                        "team-member-removed",
                        subject,
                        "Organization/" + organization,
                        "removed from the organization's trial team"))
                .thenReturn("redirect:/arbejdsrum/admin?fjernet");
    }

    @PostMapping("/arbejdsrum/admin/overdrag")
    Mono<String> handOver(@ModelAttribute HandOverForm form, Model model, ServerWebExchange exchange) {
        var trial = text(form.trial());
        var organization = text(form.organization());
        return Mono.zip(
                        trials.find(trial).hasElement(),
                        teams.organization(organization).hasElement())
                .flatMap(known -> {
                    var errors = new LinkedHashMap<String, String>();
                    if (!known.getT1()) {
                        errors.put("trial", "workspace.admin.error.trial");
                    }
                    if (!known.getT2()) {
                        errors.put("handOrganization", "workspace.error.organization");
                    }
                    if (!errors.isEmpty()) {
                        return invalid(model, exchange, errors, Map.of());
                    }
                    return teams.assign(trial, organization).thenReturn("redirect:/arbejdsrum/admin?overdraget");
                });
    }

    private Mono<String> invalid(
            Model model, ServerWebExchange exchange, Map<String, String> errors, Map<String, String> entered) {
        exchange.getResponse().setStatusCode(HttpStatus.BAD_REQUEST);
        return page(model, exchange, errors, entered);
    }

    private Mono<String> page(
            Model model, ServerWebExchange exchange, Map<String, String> errors, Map<String, String> entered) {
        var locale = exchange.getLocaleContext().getLocale();
        var shown = new LinkedHashMap<String, String>();
        errors.forEach((field, key) -> shown.put(field, messages.getMessage(key, null, key, locale)));
        model.addAttribute("errors", shown);
        model.addAttribute("entered", entered);
        model.addAttribute("admin", true);
        model.addAttribute("registryImport", imports.status());
        return teams.organizations()
                .concatMap(organization -> Mono.zip(
                                teams.members(organization.id()).collectList(),
                                teams.trialsOf(organization.id()).count())
                        .map(both -> new Team(organization, both.getT1(), both.getT2())))
                .collectList()
                .zipWith(trials.all()
                        .map(trial -> new Choice(trial.id(), WorkspaceController.title(trial, locale)))
                        .collectList())
                .map(both -> {
                    model.addAttribute("teams", both.getT1());
                    model.addAttribute(
                            "organizations",
                            both.getT1().stream().map(Team::organization).toList());
                    model.addAttribute("trials", both.getT2());
                    return PAGE;
                });
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }
}
