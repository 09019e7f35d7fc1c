package dk.trialport.portal;

import dk.trialport.search.vocabulary.ConditionVocabulary;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The front page: the search box, what Trialport is, popular disease areas, how taking part works. */
@Controller
class HomeController {

    static final String VIEW = "home/index";

    private final ConditionVocabulary vocabulary;

    HomeController(ConditionVocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    @GetMapping("/")
    String home(Model model, Locale locale) {
        model.addAttribute("conditionAreas", ConditionArea.popular(vocabulary, locale));
        return VIEW;
    }
}
