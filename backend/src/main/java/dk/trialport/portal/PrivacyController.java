package dk.trialport.portal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The privacy and cookie statement: who runs Trialport and answers for the data ({@link SiteOperator}), what it
 * keeps about a person, why, for how long, who sees it, the person's rights, and the only cookies it sets.
 */
@Controller
class PrivacyController {

    static final String VIEW = "privacy/statement";

    @GetMapping("/privatliv")
    String statement() {
        return VIEW;
    }
}
