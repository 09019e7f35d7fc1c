package dk.trialport.clinician;

import dk.trialport.fhir.TrialMatching;
import dk.trialport.identity.PortalAddress;
import dk.trialport.portal.TrialPages;
import dk.trialport.search.vocabulary.CodedCondition;
import dk.trialport.search.vocabulary.PostalCodes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * The clinician app's pages that need no EHR: {@code /klinik} (start: standalone launch, or typed facts),
 * {@code /klinik/soeg} (the same matching for typed facts), {@code /klinik/forsoeg/{id}} (a trial for health
 * professionals: criteria in full, contacts for referral, what to give the patient),
 * {@code /klinik/forsoeg/{id}/udlevering} (the printable hand-out with link and QR code) and
 * {@code POST /klinik/forsoeg/{id}/tilmeld} (the patient registers themselves: the doctor's launch is forgotten first).
 */
@Controller
class ProfessionalController {

    private final Matchmaker matchmaker;
    private final TrialPages trials;
    private final PostalCodes postalCodes;
    private final PortalAddress portal;
    private final MessageSource messages;
    private final PatientController patients;

    ProfessionalController(
            Matchmaker matchmaker,
            TrialPages trials,
            PostalCodes postalCodes,
            PortalAddress portal,
            MessageSource messages,
            PatientController patients) {
        this.matchmaker = matchmaker;
        this.trials = trials;
        this.postalCodes = postalCodes;
        this.portal = portal;
        this.messages = messages;
        this.patients = patients;
    }

    /** What a doctor types instead of a launch (each optional but the condition), as typed. */
    public record FactsForm(String condition, String age, String sex, String postalCode) {

        static FactsForm of(MultiValueMap<String, String> parameters) {
            return new FactsForm(
                    value(parameters, "condition"),
                    value(parameters, "age"),
                    value(parameters, "sex"),
                    value(parameters, "postalCode"));
        }
    }

    @GetMapping("/klinik")
    Rendering home(WebSession session) {
        return Rendering.view("clinician/home")
                .modelAttribute("facts", new FactsForm("", "", "", ""))
                .modelAttribute("errors", Map.of())
                .modelAttribute("launched", SmartSession.launch(session).isPresent())
                .build();
    }

    @GetMapping("/klinik/soeg")
    Mono<Rendering> search(@RequestParam MultiValueMap<String, String> parameters, ServerWebExchange exchange) {
        var locale = PatientController.locale(exchange);
        var form = FactsForm.of(parameters);
        var errors = new LinkedHashMap<String, String>();
        var patient = facts(form, errors, locale);
        if (!errors.isEmpty()) {
            return Mono.just(form(form, errors));
        }
        return matchmaker
                .match(patient, locale)
                .map(matches -> Rendering.view("clinician/results")
                        .modelAttribute("patient", patient)
                        .modelAttribute("matches", matches)
                        .modelAttribute("noKnownCondition", false)
                        .modelAttribute("launched", false)
                        .modelAttribute("facts", form)
                        .build())
                .onErrorResume(TrialMatching.NoKnownCondition.class, e -> {
                    errors.put("condition", text("clinician.facts.error.condition", locale));
                    return Mono.just(form(form, errors));
                });
    }

    @GetMapping("/klinik/forsoeg/{id}")
    Mono<Rendering> trial(
            @PathVariable String id,
            @RequestParam MultiValueMap<String, String> parameters,
            WebSession session,
            ServerWebExchange exchange) {
        var locale = PatientController.locale(exchange);
        var launch = SmartSession.launch(session);
        // Within a launch the hand-out's choices start from the record (read now, not kept); else from typed facts.
        Mono<FactsForm> handout = launch.isPresent()
                ? patients.facts(launch.get())
                        .map(patient -> new FactsForm(
                                "",
                                patient.age() == null ? "" : patient.age().toString(),
                                patient.sex() == null ? "" : patient.sex(),
                                patient.postalCode() == null ? "" : patient.postalCode()))
                        .onErrorReturn(FactsForm.of(parameters))
                : Mono.just(FactsForm.of(parameters));
        return handout.flatMap(form -> trials.view(id, blankToNull(form.postalCode()), locale)
                .switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND)))
                .map(trial -> Rendering.view("clinician/trial")
                        .modelAttribute("trial", trial)
                        .modelAttribute("handout", form)
                        .modelAttribute("launched", launch.isPresent())
                        .build()));
    }

    @GetMapping("/klinik/forsoeg/{id}/udlevering")
    Mono<Rendering> handout(
            @PathVariable String id,
            @RequestParam MultiValueMap<String, String> parameters,
            ServerWebExchange exchange) {
        var locale = PatientController.locale(exchange);
        var form = FactsForm.of(parameters);
        var link = publicLink(id, form, locale);
        return trials.view(id, null, locale)
                .switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND)))
                .map(trial -> Rendering.view("clinician/handout")
                        .modelAttribute("trial", trial)
                        .modelAttribute("link", link)
                        .modelAttribute("qr", QrCodes.of(link))
                        .modelAttribute("passed", passed(form, locale))
                        .build());
    }

    @PostMapping("/klinik/forsoeg/{id}/tilmeld")
    Mono<Rendering> patientRegisters(@PathVariable String id, WebSession session, ServerWebExchange exchange) {
        // The patient logs in themselves in this browser: the doctor's launch and token go first. The page that
        // follows is the patient's (a link, not a redirect: the login is at the identity provider).
        SmartSession.forget(session);
        var locale = PatientController.locale(exchange);
        return session.invalidate()
                .then(trials.view(id, null, locale))
                .switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND)))
                .map(trial -> Rendering.view("clinician/handover")
                        .modelAttribute("trial", trial)
                        .build());
    }

    /**
     * The public trial page with "Could this be for me?" filled from what the doctor chose to pass: age, sex, postal
     * code (each only when valid), never who the patient is.
     */
    String publicLink(String id, FactsForm form, Locale locale) {
        var link = UriComponentsBuilder.fromUriString(portal.resolve("/forsoeg/{id}"));
        var age = age(form.age());
        if (age != null) {
            link.queryParam("age", age);
        }
        if (List.of("female", "male").contains(form.sex())) {
            link.queryParam("sex", form.sex());
        }
        if (knownPostalCode(form.postalCode())) {
            link.queryParam("postalCode", form.postalCode());
        }
        if (!link.build().getQueryParams().isEmpty()) {
            link.queryParam("healthy", "false");
        }
        if ("en".equals(locale.getLanguage())) {
            link.queryParam("lang", "en");
        }
        var passesFacts = link.build().getQueryParams().containsKey("healthy");
        return link.fragment(passesFacts ? "check" : null)
                .buildAndExpand(id)
                .encode()
                .toUriString();
    }

    private List<String> passed(FactsForm form, Locale locale) {
        var passed = new java.util.ArrayList<String>();
        var age = age(form.age());
        if (age != null) {
            passed.add(text("clinician.handout.passed.age", locale, age));
        }
        if (List.of("female", "male").contains(form.sex())) {
            passed.add(text("clinician.handout.passed.sex." + form.sex(), locale));
        }
        if (knownPostalCode(form.postalCode())) {
            passed.add(text("clinician.handout.passed.postalCode", locale, form.postalCode()));
        }
        return passed;
    }

    private PatientFacts facts(FactsForm form, Map<String, String> errors, Locale locale) {
        if (form.condition().isEmpty()) {
            errors.put("condition", text("clinician.facts.error.conditionEmpty", locale));
        }
        Integer age = null;
        if (!form.age().isEmpty()) {
            age = age(form.age());
            if (age == null) {
                errors.put("age", text("check.error.age", locale));
            }
        }
        if (!form.sex().isEmpty() && !List.of("female", "male").contains(form.sex())) {
            errors.put("sex", text("check.error.sex", locale));
        }
        if (!form.postalCode().isEmpty() && !knownPostalCode(form.postalCode())) {
            errors.put("postalCode", text("check.error.postalCode", locale));
        }
        return new PatientFacts(
                age,
                form.sex().isEmpty() ? null : form.sex(),
                form.postalCode().isEmpty() ? null : form.postalCode(),
                null,
                List.of(CodedCondition.text(form.condition())),
                null);
    }

    private Rendering form(FactsForm form, Map<String, String> errors) {
        return Rendering.view("clinician/home")
                .status(HttpStatus.BAD_REQUEST)
                .modelAttribute("facts", form)
                .modelAttribute("errors", errors)
                .modelAttribute("launched", false)
                .build();
    }

    private boolean knownPostalCode(String postalCode) {
        return postalCode != null
                && postalCode.matches("\\d{4}")
                && postalCodes.find(postalCode).isPresent();
    }

    private static Integer age(String text) {
        if (text == null || !text.strip().matches("\\d{1,3}")) {
            return null;
        }
        var age = Integer.parseInt(text.strip());
        return age <= 130 ? age : null;
    }

    private String text(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String value(MultiValueMap<String, String> parameters, String name) {
        var value = parameters.getFirst(name);
        return value == null ? "" : value.strip();
    }
}
