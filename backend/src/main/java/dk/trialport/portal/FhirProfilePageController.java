package dk.trialport.portal;

import dk.trialport.fhir.ProfilePackage;
import dk.trialport.fhir.TrialportProfile;
import java.util.List;
import org.hl7.fhir.r4.model.MetadataResource;
import org.hl7.fhir.r4.model.StructureDefinition;
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

    /** One resource of the profile as the page lists it: its title, canonical URL, where to read it, and what it is. */
    record Row(String title, String url, String href, String description) {}

    private final TrialportProfile profile;

    FhirProfilePageController(TrialportProfile profile) {
        this.profile = profile;
    }

    @GetMapping("/fhir-profil")
    String page(Model model) {
        var definitions = profile.resources("StructureDefinition");
        model.addAttribute("packageName", TrialportProfile.PACKAGE_NAME);
        model.addAttribute("packageVersion", TrialportProfile.VERSION);
        model.addAttribute("packageFile", ProfilePackage.FILE_NAME);
        model.addAttribute(
                "profiles",
                rows(definitions.stream()
                        .filter(r -> !"Extension".equals(((StructureDefinition) r).getType()))
                        .toList()));
        model.addAttribute(
                "extensions",
                rows(definitions.stream()
                        .filter(r -> "Extension".equals(((StructureDefinition) r).getType()))
                        .toList()));
        model.addAttribute("codeSystems", rows(profile.resources("CodeSystem")));
        model.addAttribute("valueSets", rows(profile.resources("ValueSet")));
        model.addAttribute("searchParameters", rows(profile.resources("SearchParameter")));
        model.addAttribute(
                "examples",
                profile.examples().stream()
                        .map(r -> r.fhirType() + "/" + r.getIdElement().getIdPart())
                        .toList());
        return VIEW;
    }

    private static List<Row> rows(List<MetadataResource> resources) {
        return resources.stream()
                .map(r -> new Row(
                        r.hasTitle() ? r.getTitle() : r.getName(),
                        r.getUrl(),
                        "/fhir/" + r.fhirType() + "/" + r.getIdElement().getIdPart(),
                        r.getDescription()))
                .toList();
    }
}
