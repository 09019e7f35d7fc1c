package dk.trialport.clinician;

import dk.trialport.audit.AuditLog;
import dk.trialport.identity.PortalAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

/**
 * The SMART App Launch 2 endpoints: {@code /klinik/launch?iss=…&launch=…} (EHR launch), {@code /klinik/start?iss=…}
 * (a form for the FHIR server's address: standalone launch), {@code /klinik/callback} (the authorization server's answer:
 * {@code state} checked, code exchanged with the PKCE verifier, launch audited) and {@code /klinik/afslut} (forget the
 * launch). Every refusal is a page saying why, with a 4xx (5xx when the EHR cannot be reached).
 */
@Controller
class LaunchController {

    static final String CALLBACK = "/klinik/callback";
    private static final Logger log = LoggerFactory.getLogger(LaunchController.class);

    private final SmartClient smart;
    private final ClinicianProperties properties;
    private final PortalAddress portal;
    private final AuditLog audit;
    private final MessageSource messages;

    LaunchController(
            SmartClient smart,
            ClinicianProperties properties,
            PortalAddress portal,
            AuditLog audit,
            MessageSource messages) {
        this.messages = messages;
        this.smart = smart;
        this.properties = properties;
        this.portal = portal;
        this.audit = audit;
    }

    @GetMapping("/klinik/launch")
    Mono<Rendering> ehrLaunch(
            @RequestParam(required = false) String iss,
            @RequestParam(required = false) String launch,
            WebSession session) {
        if (iss == null || iss.isBlank() || launch == null || launch.isBlank()) {
            return Mono.just(problem(HttpStatus.BAD_REQUEST, "missing"));
        }
        var issuer = issuer(iss);
        if (issuer == null) {
            return Mono.just(problem(HttpStatus.BAD_REQUEST, "untrusted"));
        }
        return authorize(issuer, launch, false, session)
                .map(authorize -> Rendering.redirectTo(authorize).build())
                .onErrorResume(SmartClient.LaunchFailed.class, e -> Mono.just(failed(e)));
    }

    /**
     * The standalone launch's form, and the launch when it names the server: a page with a link on to the EHR's
     * authorization server rather than a redirect, since the pages' {@code form-action 'self'} stops a form's
     * submission from being redirected to another site.
     */
    @GetMapping("/klinik/start")
    Mono<Rendering> standaloneLaunch(@RequestParam(required = false) String iss, ServerWebExchange exchange) {
        if (iss == null) {
            return Mono.just(startPage("", Map.of(), HttpStatus.OK));
        }
        var address = iss.strip();
        var issuer = address.isEmpty() ? null : issuer(address);
        if (issuer == null) {
            var error = address.isEmpty() ? "clinician.start.error.empty" : "clinician.start.error.untrusted";
            return Mono.just(startPage(address, Map.of("iss", text(error, exchange)), HttpStatus.BAD_REQUEST));
        }
        return exchange.getSession()
                .flatMap(session -> authorize(issuer, null, true, session)
                        .map(authorize -> Rendering.view("clinician/continue")
                                .modelAttribute("authorize", authorize)
                                .build())
                        .onErrorResume(
                                SmartClient.LaunchFailed.class,
                                e -> Mono.just(startPage(
                                        address,
                                        Map.of("iss", text("clinician.start.error.unreachable", exchange)),
                                        HttpStatus.BAD_GATEWAY))));
    }

    @GetMapping(CALLBACK)
    Mono<Rendering> callback(
            @RequestParam(required = false) String code,
            @RequestParam(required = false) String state,
            @RequestParam(required = false) String error,
            WebSession session) {
        var pending = SmartSession.takePending(session);
        if (pending.isEmpty() || state == null || !same(state, pending.get().state())) {
            // A forged or replayed answer, or one to another browser's request: nothing is exchanged.
            return Mono.just(problem(HttpStatus.BAD_REQUEST, "state"));
        }
        if (error != null || code == null || code.isBlank()) {
            return Mono.just(problem(HttpStatus.FORBIDDEN, "denied"));
        }
        return smart.exchange(pending.get(), code)
                .flatMap(launch -> audit.record(
                                launch.practitioner(),
                                "practitioner",
                                "smart-launch",
                                null,
                                launch.issuer().toString(),
                                pending.get().standalone() ? "SMART standalone launch" : "SMART EHR launch")
                        .then(Mono.fromRunnable(() -> {
                            SmartSession.launched(session, launch);
                            log.info("SMART launch from {}", launch.issuer().getHost());
                        }))
                        .thenReturn(Rendering.redirectTo(PatientController.PATH).build()))
                .onErrorResume(SmartClient.LaunchFailed.class, e -> Mono.just(failed(e)));
    }

    @PostMapping("/klinik/afslut")
    Mono<String> end(WebSession session) {
        SmartSession.forget(session);
        return session.invalidate().thenReturn("redirect:/klinik?afsluttet");
    }

    /** Starts the authorization request; the answer is the authorization server's address to send the browser to. */
    private Mono<String> authorize(URI issuer, String launch, boolean standalone, WebSession session) {
        return smart.discover(issuer).map(endpoints -> {
            var pending = smart.begin(issuer, endpoints, portal.resolve(CALLBACK), standalone);
            SmartSession.pending(session, pending);
            return smart.authorizationUrl(endpoints, pending, launch);
        });
    }

    /** The {@code iss} as a URI when the app trusts it, else null. */
    private URI issuer(String iss) {
        try {
            var uri = new URI(iss.strip());
            return uri.isAbsolute() && properties.trusts(uri) ? uri : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private String text(String key, ServerWebExchange exchange) {
        return messages.getMessage(key, null, exchange.getLocaleContext().getLocale());
    }

    private static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static Rendering failed(SmartClient.LaunchFailed e) {
        log.warn("SMART launch failed: {}", e.getMessage());
        return problem(
                e.reason.equals("unreachable") || e.reason.equals("token")
                        ? HttpStatus.BAD_GATEWAY
                        : HttpStatus.FORBIDDEN,
                e.reason);
    }

    static Rendering problem(HttpStatus status, String reason) {
        return Rendering.view("clinician/problem")
                .status(status)
                .modelAttribute("reason", reason)
                .build();
    }

    private static Rendering startPage(String iss, Map<String, String> errors, HttpStatus status) {
        return Rendering.view("clinician/start")
                .status(status)
                .modelAttribute("iss", iss)
                .modelAttribute("errors", errors)
                .build();
    }
}
