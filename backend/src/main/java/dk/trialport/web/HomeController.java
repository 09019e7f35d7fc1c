package dk.trialport.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The front page: the search box, what Trialport is, popular disease areas, how taking part works. */
@Controller
class HomeController {

  static final String VIEW = "home/index";

  @GetMapping("/")
  String home(Model model) {
    model.addAttribute("conditionAreas", ConditionArea.POPULAR);
    return VIEW;
  }
}
