package dk.trialport.portal;

import dk.trialport.catalogue.PublicTrials;
import dk.trialport.catalogue.Trial;
import dk.trialport.recruitment.application.RegisteringInterest;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
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
 * Registering interest in one trial: the consent text and form ({@code GET /forsoeg/{id}/interesse}),
 * the registration ({@code POST}, errors next to their fields), and the receipt.
 */
@Controller
class InterestPageController {

    static final String FORM = "interest/form";
    static final String RECEIPT = "interest/receipt";
    static final String CLOSED = "interest/closed";

    private final PublicTrials trials;
    private final RegisteringInterest registering;
    private final MessageSource messages;

    InterestPageController(PublicTrials trials, RegisteringInterest registering, MessageSource messages) {
        this.trials = trials;
        this.registering = registering;
        this.messages = messages;
    }

    @GetMapping("/forsoeg/{id}/interesse")
    Mono<String> form(
            @PathVariable String id, Model model, @AuthenticationPrincipal OidcUser user, ServerWebExchange exchange) {
        return trial(id)
                .flatMap(trial -> !trial.isOpenForInterest()
                        ? closed(trial, model, exchange)
                        : registering
                                .current(user.getSubject(), id)
                                .map(current -> {
                                    model.addAttribute("registered", true);
                                    return page(model, trial, InterestForm.of(current), Map.of(), null);
                                })
                                .switchIfEmpty(Mono.fromSupplier(
                                        () -> page(model, trial, InterestForm.empty(), Map.of(), null))));
    }

    @PostMapping("/forsoeg/{id}/interesse")
    Mono<String> register(
            @PathVariable String id,
            @ModelAttribute InterestForm form,
            Model model,
            @AuthenticationPrincipal OidcUser user,
            ServerWebExchange exchange) {
        var locale = exchange.getLocaleContext().getLocale();
        return trial(id).flatMap(trial -> {
            if (!trial.isOpenForInterest()) {
                return closed(trial, model, exchange);
            }
            var errors = form.errors();
            if (!errors.isEmpty()) {
                exchange.getResponse().setStatusCode(HttpStatus.BAD_REQUEST);
                return Mono.just(page(model, trial, form, errors, locale));
            }
            var request = new RegisteringInterest.Request(form.contactChannel(), form.contact(), form.trimmedMessage());
            return registering
                    .register(user.getSubject(), id, request)
                    .map(registration -> "redirect:/forsoeg/" + id + "/interesse/kvittering")
                    .onErrorResume(RegisteringInterest.NotOpen.class, notOpen -> closed(trial, model, exchange))
                    .onErrorResume(RegisteringInterest.TooMany.class, tooMany -> {
                        exchange.getResponse().setStatusCode(HttpStatus.TOO_MANY_REQUESTS);
                        return Mono.just(page(model, trial, form, Map.of("consent", "interest.error.tooMany"), locale));
                    });
        });
    }

    /** The form page; {@code errors} maps a field to the key of its message. */
    private String page(Model model, Trial trial, InterestForm form, Map<String, String> errors, Locale locale) {
        var shown = new LinkedHashMap<String, String>();
        errors.forEach((field, key) -> shown.put(field, messages.getMessage(key, null, key, locale)));
        model.addAttribute("trial", trial);
        model.addAttribute("form", form);
        model.addAttribute("errors", shown);
        model.addAttribute("consentVersion", registering.consentVersion());
        return FORM;
    }

    /** The receipt of the person's own, current registration; anyone else gets a 404. */
    @GetMapping("/forsoeg/{id}/interesse/kvittering")
    Mono<String> receipt(@PathVariable String id, Model model, @AuthenticationPrincipal OidcUser user) {
        return trial(id)
                .filterWhen(trial -> registering.current(user.getSubject(), id).hasElement())
                .switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND)))
                .map(trial -> {
                    model.addAttribute("trial", trial);
                    return RECEIPT;
                });
    }

    /** A trial that takes no interest now (closed, completed, withdrawn): its page stands, the form is not offered. */
    private static Mono<String> closed(Trial trial, Model model, ServerWebExchange exchange) {
        exchange.getResponse().setStatusCode(HttpStatus.CONFLICT);
        model.addAttribute("trial", trial);
        return Mono.just(CLOSED);
    }

    /** The trial if it is public: another team's draft is a 404 here as everywhere. */
    private Mono<Trial> trial(String id) {
        return trials.find(id).switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND)));
    }
}
