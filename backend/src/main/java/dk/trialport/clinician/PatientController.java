package dk.trialport.clinician;

import dk.trialport.fhir.EhrRecords;
import dk.trialport.fhir.TrialMatching;
import dk.trialport.search.vocabulary.PostalCodes;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

/**
 * {@code /klinik/patient}: the launched patient's facts, read from the EHR with the session's access token at each
 * view (never kept), and the open trials that fit them. Without a launch (or once its token has expired) the page
 * says to launch again.
 */
@Controller
class PatientController {

    static final String PATH = "/klinik/patient";

    private final EhrRecords records;
    private final Matchmaker matchmaker;
    private final PostalCodes postalCodes;
    private final WebClient.Builder web;

    PatientController(EhrRecords records, Matchmaker matchmaker, PostalCodes postalCodes, WebClient.Builder web) {
        this.records = records;
        this.matchmaker = matchmaker;
        this.postalCodes = postalCodes;
        this.web = web;
    }

    @GetMapping(PATH)
    Mono<Rendering> patient(WebSession session, ServerWebExchange exchange) {
        var locale = exchange.getLocaleContext().getLocale();
        var launch = SmartSession.launch(session);
        if (launch.isEmpty()) {
            return Mono.just(LaunchController.problem(HttpStatus.UNAUTHORIZED, "noLaunch"));
        }
        return facts(launch.get())
                .flatMap(patient -> matchmaker
                        .match(patient, locale)
                        .map(matches -> results(patient, matches, false))
                        .onErrorResume(
                                TrialMatching.NoKnownCondition.class,
                                e -> Mono.just(results(patient, List.of(), true))))
                .onErrorResume(WebClientResponseException.Unauthorized.class, e -> relaunch(session))
                .onErrorResume(WebClientResponseException.Forbidden.class, e -> relaunch(session))
                .onErrorResume(
                        e -> e instanceof WebClientResponseException || e instanceof java.net.ConnectException,
                        e -> Mono.just(LaunchController.problem(HttpStatus.BAD_GATEWAY, "record")));
    }

    /** The launched patient's facts, read from the record now. */
    Mono<PatientFacts> facts(SmartSession.Launch launch) {
        var ehr = web.clone()
                .baseUrl(launch.issuer().toString())
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + launch.accessToken())
                .build();
        return records.read(ehr, launch.patient()).map(this::facts);
    }

    private PatientFacts facts(EhrRecords.EhrPatient patient) {
        var danish = patient.postalCode() != null
                && patient.postalCode().matches("\\d{4}")
                && postalCodes.find(patient.postalCode()).isPresent();
        return new PatientFacts(
                patient.age(),
                patient.sex(),
                danish ? patient.postalCode() : null,
                danish ? null : patient.postalCode(),
                patient.conditions(),
                patient.labs());
    }

    private static Mono<Rendering> relaunch(WebSession session) {
        SmartSession.forget(session);
        return Mono.just(LaunchController.problem(HttpStatus.UNAUTHORIZED, "expired"));
    }

    static Rendering results(PatientFacts patient, List<MatchView> matches, boolean noKnownCondition) {
        return Rendering.view("clinician/results")
                .modelAttribute("patient", patient)
                .modelAttribute("matches", matches)
                .modelAttribute("noKnownCondition", noKnownCondition)
                .modelAttribute("launched", true)
                .build();
    }

    static Locale locale(ServerWebExchange exchange) {
        return exchange.getLocaleContext().getLocale();
    }
}
