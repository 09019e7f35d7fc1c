package dk.trialport.workspace;

import dk.trialport.catalogue.SiteProjectionStore;
import dk.trialport.catalogue.TrialEdit.Stage;
import dk.trialport.catalogue.TrialEdits;
import dk.trialport.identity.TeamCaller;
import dk.trialport.identity.TrialTeams;
import dk.trialport.portal.ProfileAreas;
import dk.trialport.recruitment.application.EstimatingFeasibility;
import dk.trialport.search.vocabulary.ConditionVocabulary;
import dk.trialport.search.vocabulary.PostalCodes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Creating and editing a trial ({@code /arbejdsrum/forsoeg/ny}, {@code /arbejdsrum/forsoeg/{id}}): save as draft,
 * publish, close recruitment; errors next to their fields, the form re-rendered as entered; and, for a stored trial,
 * how many volunteers in the registry it would match.
 */
@Controller
class TrialFormController {

    static final String FORM = "workspace/trial";

    private final TrialEdits editor;
    private final TrialTeams teams;
    private final EstimatingFeasibility feasibility;
    private final SiteProjectionStore sites;
    private final ConditionVocabulary vocabulary;
    private final PostalCodes postalCodes;
    private final MessageSource messages;

    TrialFormController(
            TrialEdits editor,
            TrialTeams teams,
            EstimatingFeasibility feasibility,
            SiteProjectionStore sites,
            ConditionVocabulary vocabulary,
            PostalCodes postalCodes,
            MessageSource messages) {
        this.editor = editor;
        this.teams = teams;
        this.feasibility = feasibility;
        this.sites = sites;
        this.vocabulary = vocabulary;
        this.postalCodes = postalCodes;
        this.messages = messages;
    }

    /** What the page shows besides the form: the stored trial's id and stage (null when new), and who is looking. */
    private record Context(
            String trialId, Stage stage, TeamCaller caller, List<TrialTeams.Organization> organizations) {}

    @GetMapping("/arbejdsrum/forsoeg/ny")
    Mono<String> create(TeamCaller caller, Model model, ServerWebExchange exchange) {
        return Callers.organizations(teams, caller).flatMap(organizations -> {
            var form = organizations.size() == 1
                    ? TrialForm.forOrganization(organizations.getFirst().id())
                    : TrialForm.forOrganization(null);
            return page(model, exchange, new Context(null, null, caller, organizations), form, Map.of(), null);
        });
    }

    @PostMapping("/arbejdsrum/forsoeg/ny")
    Mono<String> createSave(
            @ModelAttribute TrialForm bound, TeamCaller caller, Model model, ServerWebExchange exchange) {
        return Callers.organizations(teams, caller)
                .zipWith(exchange.getFormData())
                .flatMap(both -> {
                    var organizations = both.getT1();
                    var form = bound.withRowsFrom(both.getT2());
                    var context = new Context(null, null, caller, organizations);
                    var action = form.action();
                    var stage = "publish".equals(action) ? Stage.PUBLISHED : Stage.DRAFT;
                    var allowed = organizations.stream()
                            .map(TrialTeams.Organization::id)
                            .collect(Collectors.toSet());
                    return submit(
                            form,
                            action,
                            stage,
                            allowed,
                            context,
                            model,
                            exchange,
                            () -> editor.save(null, null, form.edit(stage, postalCodes))
                                    .flatMap(saved -> teams.claim(saved.id(), form.organization())
                                            .thenReturn(saved.id())));
                });
    }

    @GetMapping("/arbejdsrum/forsoeg/{id}")
    Mono<String> edit(@PathVariable String id, TeamCaller caller, Model model, ServerWebExchange exchange) {
        return Callers.mayActFor(teams, caller, id)
                .then(read(id))
                .flatMap(loaded -> page(
                        model,
                        exchange,
                        new Context(id, loaded.edit().stage(), caller, List.of()),
                        TrialForm.of(loaded.edit(), loaded.version()),
                        Map.of(),
                        null));
    }

    @PostMapping("/arbejdsrum/forsoeg/{id}")
    Mono<String> editSave(
            @PathVariable String id,
            @ModelAttribute TrialForm bound,
            TeamCaller caller,
            Model model,
            ServerWebExchange exchange) {
        return Callers.mayActFor(teams, caller, id)
                .then(read(id))
                .zipWith(exchange.getFormData())
                .flatMap(both -> {
                    var loaded = both.getT1();
                    var form = bound.withRowsFrom(both.getT2());
                    var action = form.action();
                    var stage = switch (action) {
                        case "draft" -> Stage.DRAFT;
                        case "publish" -> Stage.PUBLISHED;
                        case "close" -> Stage.CLOSED;
                        default -> loaded.edit().stage();
                    };
                    var context = new Context(id, loaded.edit().stage(), caller, List.of());
                    return submit(
                            form,
                            action,
                            stage,
                            null,
                            context,
                            model,
                            exchange,
                            () -> editor.save(id, form.versionRead(), form.edit(stage, postalCodes))
                                    .map(saved -> id));
                });
    }

    private Mono<String> submit(
            TrialForm form,
            String action,
            Stage stage,
            Set<String> organizations,
            Context context,
            Model model,
            ServerWebExchange exchange,
            java.util.function.Supplier<Mono<String>> save) {
        if (action.startsWith("add")) {
            return page(model, exchange, context, form, Map.of(), action);
        }
        var errors = form.errors(stage, vocabulary, postalCodes, organizations);
        if (!errors.isEmpty()) {
            exchange.getResponse().setStatusCode(HttpStatus.BAD_REQUEST);
            return page(model, exchange, context, form, errors, null);
        }
        return save.get()
                .map(id -> "redirect:/arbejdsrum/forsoeg/" + id + "?"
                        + switch (stage) {
                            case DRAFT -> "gemt";
                            case PUBLISHED -> "publish".equals(action) ? "offentliggjort" : "gemt";
                            case CLOSED -> "close".equals(action) ? "lukket" : "gemt";
                        })
                .onErrorResume(TrialEdits.Rejected.class, rejected -> {
                    exchange.getResponse()
                            .setStatusCode(
                                    rejected.conflict() ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_CONTENT);
                    model.addAttribute("rejections", rejected.conflict() ? List.of() : rejected.reasons());
                    return page(
                            model,
                            exchange,
                            context,
                            form,
                            Map.of(
                                    "catalogue",
                                    rejected.conflict() ? "workspace.error.conflict" : "workspace.error.catalogue"),
                            null);
                });
    }

    private Mono<TrialEdits.Loaded> read(String id) {
        return editor.read(id).switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND)));
    }

    /** The form page; {@code errors} maps a field to the key of its message, {@code adding} asks for one more row. */
    private Mono<String> page(
            Model model,
            ServerWebExchange exchange,
            Context context,
            TrialForm form,
            Map<String, String> errors,
            String adding) {
        var locale = exchange.getLocaleContext().getLocale();
        model.addAttribute("trialId", context.trialId());
        model.addAttribute(
                "stage", context.stage() == null ? null : context.stage().name().toLowerCase(Locale.ROOT));
        model.addAttribute("admin", context.caller().isAdmin());
        model.addAttribute("organizations", context.organizations());
        model.addAttribute("form", form);
        model.addAttribute("errors", shown(errors, locale));
        model.addAttribute("areas", ProfileAreas.of(vocabulary, locale));
        model.addAttribute("blankSites", "addSite".equals(adding) ? 2 : 1);
        model.addAttribute("blankContacts", "addContact".equals(adding) ? 2 : 1);
        var estimate = context.trialId() == null
                ? Mono.<EstimatingFeasibility.Feasibility>empty()
                : feasibility.estimate(context.trialId());
        return estimate.doOnNext(found -> model.addAttribute("feasibility", found))
                .then(sites.all().collectList())
                .map(all -> {
                    model.addAttribute("sites", all);
                    return FORM;
                });
    }

    private Map<String, String> shown(Map<String, String> errors, Locale locale) {
        var shown = new LinkedHashMap<String, String>();
        errors.forEach((field, key) -> shown.put(field, messages.getMessage(key, null, key, locale)));
        return shown;
    }
}
