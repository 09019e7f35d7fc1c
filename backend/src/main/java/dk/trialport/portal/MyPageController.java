package dk.trialport.portal;

import dk.trialport.catalogue.Trial;
import dk.trialport.catalogue.TrialProjectionStore;
import dk.trialport.recruitment.application.MyData;
import dk.trialport.recruitment.application.TalkingWithTheTeam;
import dk.trialport.recruitment.application.WithdrawingConsent;
import dk.trialport.search.vocabulary.ConditionVocabulary;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * My page: every interest registration with its consent and status, withdrawal in one click, the interest
 * profile with its consent and the inbox of new trials that match it, the messages with each trial team
 * (unread ones marked) and the sharing of contact details with it, the
 * export of everything (GDPR article 20), deleting account and data (article 17), and who looked at
 * the person's data and when.
 */
@Controller
class MyPageController {

    static final String VIEW = "mypage/index";
    static final String DELETED = "mypage/deleted";
    static final String CONFIRM_DELETE = "mypage/delete";

    private final MyData myData;
    private final WithdrawingConsent withdrawing;
    private final TrialProjectionStore trials;
    private final JsonMapper json;
    private final ConditionVocabulary vocabulary;
    private final TalkingWithTheTeam talking;

    MyPageController(
            MyData myData,
            WithdrawingConsent withdrawing,
            TrialProjectionStore trials,
            JsonMapper json,
            ConditionVocabulary vocabulary,
            TalkingWithTheTeam talking) {
        this.talking = talking;
        this.vocabulary = vocabulary;
        this.myData = myData;
        this.withdrawing = withdrawing;
        this.trials = trials;
        this.json = json;
    }

    @GetMapping("/min-side")
    Mono<String> myPage(@AuthenticationPrincipal OidcUser user, Model model, ServerWebExchange exchange) {
        model.addAttribute("name", user.getFullName());
        var locale = exchange.getLocaleContext().getLocale();
        return myData.read(user.getSubject(), MyData.MY_PAGE)
                .flatMap(overview -> titles(overview).map(titles -> {
                    model.addAttribute("overview", overview);
                    model.addAttribute("titles", titles);
                    model.addAttribute(
                            "threads",
                            overview.messages().stream()
                                    .collect(Collectors.groupingBy(message -> message.registrationId())));
                    model.addAttribute("contactConsentVersion", talking.contactConsentVersion());
                    model.addAttribute("accessGroups", AccessLogGroups.of(overview.accesses(), overview.personRef()));
                    model.addAttribute(
                            "profileAreas",
                            overview.profile() == null
                                    ? List.of()
                                    : ProfileAreas.labels(overview.profile().areas(), vocabulary, locale));
                    return VIEW;
                }))
                .defaultIfEmpty(VIEW);
    }

    @PostMapping("/min-side/tilmeldinger/{id}/tilbagetraek")
    Mono<String> withdraw(@PathVariable UUID id, @AuthenticationPrincipal OidcUser user) {
        return withdrawing
                .withdraw(user.getSubject(), id)
                .map(withdrawn -> "redirect:/min-side?tilbagetrukket")
                .switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND)));
    }

    @GetMapping("/min-side/eksport")
    @ResponseBody
    Mono<ResponseEntity<byte[]>> export(@AuthenticationPrincipal OidcUser user) {
        return myData.read(user.getSubject(), "data-exported")
                .map(overview -> json.writerWithDefaultPrettyPrinter()
                        .writeValueAsBytes(Map.of(
                                "exportedAt",
                                overview.exportedAt().toString(),
                                "person",
                                overview.personRef(),
                                "interestRegistrations",
                                overview.registrations(),
                                "interestProfile",
                                profile(overview),
                                "notifications",
                                overview.notifications(),
                                "consents",
                                overview.consents(),
                                "messages",
                                overview.messages(),
                                "accessLog",
                                overview.accesses())))
                .defaultIfEmpty(json.writeValueAsBytes(Map.of("interestRegistrations", java.util.List.of())))
                .map(body -> ResponseEntity.ok()
                        .header(
                                HttpHeaders.CONTENT_DISPOSITION,
                                "attachment; filename=\"trialport-mine-data-"
                                        + DateTimeFormatter.ISO_LOCAL_DATE.format(java.time.LocalDate.now())
                                        + ".json\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(body));
    }

    /** What deleting the account will delete, and the one button that does it; nothing is deleted by this page. */
    @GetMapping("/min-side/slet")
    Mono<String> confirmDelete(@AuthenticationPrincipal OidcUser user, Model model) {
        return myData.read(user.getSubject(), MyData.DELETE_PREVIEW)
                .doOnNext(overview -> {
                    model.addAttribute("registrations", overview.registrations().size());
                    model.addAttribute("profile", overview.profile() != null);
                    model.addAttribute("messages", overview.messages().size());
                })
                .then(Mono.fromSupplier(() -> {
                    model.addAttribute("hasData", model.getAttribute("registrations") != null);
                    return CONFIRM_DELETE;
                }));
    }

    /** Deletes the account only when the person confirmed on the page before ({@code confirm=yes}). */
    @PostMapping("/min-side/slet")
    Mono<String> delete(@AuthenticationPrincipal OidcUser user, WebSession session, ServerWebExchange exchange) {
        return exchange.getFormData()
                .flatMap(form -> "yes".equals(form.getFirst("confirm"))
                        ? myData.delete(user.getSubject())
                                .then(session.invalidate())
                                .thenReturn(DELETED)
                        : Mono.just("redirect:/min-side/slet"));
    }

    private Mono<Map<String, Trial>> titles(MyData.Overview overview) {
        var ids = java.util.stream.Stream.concat(
                        overview.registrations().stream().map(r -> r.trialId()),
                        overview.notifications().stream().map(n -> n.trialId()))
                .distinct()
                .toList();
        return trials.find(ids).collect(Collectors.toMap(Trial::id, Function.identity(), (a, b) -> a));
    }

    /** The profile for the export; an empty object when there is none. */
    private static Object profile(MyData.Overview overview) {
        return overview.profile() == null ? Map.of() : overview.profile();
    }
}
