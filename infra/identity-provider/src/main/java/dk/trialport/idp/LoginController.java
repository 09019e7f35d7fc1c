package dk.trialport.idp;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Serves the bilingual development login page with the table of demo users. */
@Controller
class LoginController {

    private final IdpProperties properties;

    LoginController(IdpProperties properties) {
        this.properties = properties;
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("users", this.properties.users());
        return "login";
    }
}
