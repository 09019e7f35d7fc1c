package dk.trialport.portal;

import dk.trialport.recruitment.application.FindingTrialsForProfile;
import dk.trialport.recruitment.application.KeepingProfile;
import dk.trialport.recruitment.model.InterestProfile;
import dk.trialport.search.vocabulary.ConditionVocabulary;
import dk.trialport.search.vocabulary.PostalCodes;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * The interest profile for future trials ({@code /profil}): the open trials that fit an active profile now, the
 * form with its consent text, errors next to their fields, pause, resume and delete. Always the logged-in person's
 * own profile; no id is ever in a URL.
 */
@Controller
class ProfilePageController {

    static final String FORM = "profile/form";
    static final String PATH = "/profil";
    /** The parameter that ticks a condition on the form ({@code /profil?omraade=stroke}). */
    static final String AREA = "omraade";

    private static final Logger log = LoggerFactory.getLogger(ProfilePageController.class);

    private final KeepingProfile profiles;
    private final FindingTrialsForProfile trials;
    private final ConditionVocabulary vocabulary;
    private final PostalCodes postalCodes;
    private final MessageSource messages;

    ProfilePageController(
            KeepingProfile profiles,
            FindingTrialsForProfile trials,
            ConditionVocabulary vocabulary,
            PostalCodes postalCodes,
            MessageSource messages) {
        this.profiles = profiles;
        this.trials = trials;
        this.vocabulary = vocabulary;
        this.postalCodes = postalCodes;
        this.messages = messages;
    }

    /** The profile form with a condition ticked (from a search that found nothing), to be saved by the person. */
    static String withArea(String area) {
        return UriComponentsBuilder.fromPath(PATH)
                .queryParam(AREA, area)
                .build()
                .encode()
                .toUriString();
    }

    @GetMapping(PATH)
    Mono<String> form(
            @AuthenticationPrincipal OidcUser user,
            @RequestParam(name = AREA, required = false) String area,
            Model model,
            ServerWebExchange exchange) {
        var locale = exchange.getLocaleContext().getLocale();
        var chosen = area == null || vocabulary.concept(area.strip()).isEmpty() ? null : area.strip();
        return profiles.read(user.getSubject())
                .flatMap(profile -> fitting(profile, locale)
                        .doOnNext(found -> model.addAttribute("trials", found))
                        .then(Mono.fromSupplier(() ->
                                page(model, profile, ProfileForm.of(profile).withArea(chosen), Map.of(), locale))))
                .switchIfEmpty(Mono.fromSupplier(
                        () -> page(model, null, ProfileForm.empty().withArea(chosen), Map.of(), locale)));
    }

    @PostMapping(PATH)
    Mono<String> save(
            @ModelAttribute ProfileForm form,
            Model model,
            @AuthenticationPrincipal OidcUser user,
            ServerWebExchange exchange) {
        var locale = exchange.getLocaleContext().getLocale();
        var errors = form.errors(vocabulary, postalCodes);
        if (!errors.isEmpty()) {
            exchange.getResponse().setStatusCode(HttpStatus.BAD_REQUEST);
            return profiles.read(user.getSubject())
                    .map(profile -> page(model, profile, form, errors, locale))
                    .switchIfEmpty(Mono.fromSupplier(() -> page(model, null, form, errors, locale)));
        }
        return profiles.save(user.getSubject(), form.details(postalCodes)).thenReturn("redirect:/profil?gemt");
    }

    @PostMapping("/profil/pause")
    Mono<String> pause(@AuthenticationPrincipal OidcUser user) {
        return profiles.pause(user.getSubject()).thenReturn("redirect:/profil?pause");
    }

    @PostMapping("/profil/genoptag")
    Mono<String> resume(@AuthenticationPrincipal OidcUser user) {
        return profiles.resume(user.getSubject()).thenReturn("redirect:/profil?genoptaget");
    }

    @PostMapping("/profil/slet")
    Mono<String> delete(@AuthenticationPrincipal OidcUser user) {
        return profiles.delete(user.getSubject()).thenReturn("redirect:/min-side?profilSlettet");
    }

    /**
     * The trials that fit an active profile now, nearest first; none for a paused profile. The profile was just read
     * for the person (and that read audited), so the search takes it as it is.
     */
    private Mono<ProfileTrials> fitting(InterestProfile profile, Locale locale) {
        if (profile.isPaused()) {
            return Mono.empty();
        }
        var texts = new Texts(messages, locale);
        return trials.fitting(profile, locale, null, ProfileTrials.SHOWN)
                .map(page -> ProfileTrials.of(profile, page, texts, vocabulary))
                .onErrorResume(e -> {
                    log.warn("Trials for interest profile {} could not be found: {}", profile.id(), e.toString());
                    return Mono.just(ProfileTrials.unavailable(profile));
                });
    }

    /** The form page; {@code errors} maps a field to the key of its message. */
    private String page(
            Model model, InterestProfile profile, ProfileForm form, Map<String, String> errors, Locale locale) {
        var shown = new LinkedHashMap<String, String>();
        errors.forEach((field, key) -> shown.put(field, messages.getMessage(key, null, key, locale)));
        model.addAttribute("profile", profile);
        model.addAttribute("form", form);
        model.addAttribute("errors", shown);
        model.addAttribute("areas", ProfileAreas.of(vocabulary, locale));
        model.addAttribute("consentVersion", profiles.consentVersion());
        return FORM;
    }
}
