package dk.trialport.portal;

import dk.trialport.fhir.ProfilePackage;
import dk.trialport.fhir.TrialportProfile;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /fhir-profil}: a short page for the people behind hospital systems, in Danish and English, saying what
 * Trialport's FHIR profile holds and where to download it ({@code /fhir/package.tgz}).
 */
@Controller
class FhirProfilePageController {

    static final String VIEW = "fhirprofile/profile";

    private final TrialportProfile profile;

    FhirProfilePageController(TrialportProfile profile) {
        this.profile = profile;
    }

    @GetMapping("/fhir-profil")
    String page(Model model) {
        var contents = profile.contents();
        model.addAttribute("packageName", TrialportProfile.PACKAGE_NAME);
        model.addAttribute("packageVersion", TrialportProfile.VERSION);
        model.addAttribute("packageFile", ProfilePackage.FILE_NAME);
        model.addAttribute("profiles", contents.profiles());
        model.addAttribute("extensions", contents.extensions());
        model.addAttribute("codeSystems", contents.codeSystems());
        model.addAttribute("valueSets", contents.valueSets());
        model.addAttribute("searchParameters", contents.searchParameters());
        model.addAttribute("examples", contents.examples());
        return VIEW;
    }
}
