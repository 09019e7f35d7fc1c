package dk.trialport.portal;

import dk.trialport.recruitment.application.TalkingWithTheTeam;
import dk.trialport.recruitment.model.InterestRegistration;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The person's side of contact with a trial team, on My page: answering the team's messages, and sharing
 * contact details with the team or taking that back. Only on the person's own registrations (404 otherwise).
 */
@Controller
class MyContactController {

    private final TalkingWithTheTeam talking;

    MyContactController(TalkingWithTheTeam talking) {
        this.talking = talking;
    }

    @PostMapping("/min-side/tilmeldinger/{id}/beskeder")
    Mono<String> reply(@PathVariable UUID id, @AuthenticationPrincipal OidcUser user, ServerWebExchange exchange) {
        return exchange.getFormData().flatMap(form -> {
            var body = form.getFirst("message");
            var trimmed = body == null ? "" : body.strip();
            if (trimmed.isEmpty() || trimmed.length() > TalkingWithTheTeam.MAX_TEXT) {
                return Mono.just("redirect:/min-side?beskedFejl=" + id + "#reply-" + id);
            }
            return done(talking.reply(user.getSubject(), id, trimmed), r -> "redirect:/min-side?besvaret#thread-" + id);
        });
    }

    @PostMapping("/min-side/tilmeldinger/{id}/kontakt/del")
    Mono<String> share(@PathVariable UUID id, @AuthenticationPrincipal OidcUser user) {
        return done(
                talking.shareContact(user.getSubject(), id), r -> "redirect:/min-side?kontaktDelt#registration-" + id);
    }

    @PostMapping("/min-side/tilmeldinger/{id}/kontakt/stop")
    Mono<String> unshare(@PathVariable UUID id, @AuthenticationPrincipal OidcUser user) {
        return done(
                talking.unshareContact(user.getSubject(), id),
                r -> "redirect:/min-side?kontaktStoppet#registration-" + id);
    }

    private static Mono<String> done(Mono<InterestRegistration> action, Function<InterestRegistration, String> then) {
        return action.map(then).switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND)));
    }
}
