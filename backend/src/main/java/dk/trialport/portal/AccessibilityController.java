package dk.trialport.portal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The accessibility statement (tilgængelighedserklæring) the Danish web accessibility act requires. */
@Controller
class AccessibilityController {

    static final String VIEW = "accessibility/statement";

    @GetMapping("/tilgaengelighed")
    String statement() {
        return VIEW;
    }
}
