package dk.trialport.portal;

import dk.trialport.recruitment.application.RegisteringInterest;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The consent text for registering interest on its own page ({@code /samtykke/{version}}), one click from each
 * registration on My page. A version people consented to before the current one shows the current text, saying
 * that the text has since been corrected (what happens with a registration did not change).
 */
@Controller
class ConsentTextController {

    static final String VIEW = "consent/interest";
    private static final Pattern INTEREST_VERSION = Pattern.compile("interest-\\d{4}-\\d{2}");

    private final RegisteringInterest registering;

    ConsentTextController(RegisteringInterest registering) {
        this.registering = registering;
    }

    @GetMapping("/samtykke/{version}")
    String consentText(@PathVariable String version, Model model) {
        var current = registering.consentVersion();
        if (!INTEREST_VERSION.matcher(version).matches() || version.compareTo(current) > 0) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("version", current);
        model.addAttribute("given", version);
        return VIEW;
    }
}
