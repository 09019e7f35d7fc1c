package dk.trialport.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The page that tells hospital systems' people what Trialport's FHIR profile holds and where to download it. */
@PageTest
class FhirProfilePageTest {

    @Autowired
    WebTestClient client;

    @Test
    void listsTheProfileInDanishWithTheDownload() {
        var html = Pages.get(client, "/fhir-profil");

        assertThat(html)
                .contains("<html lang=\"da\">")
                .contains("<h1>Trialports FHIR-profil</h1>")
                .contains("href=\"/fhir/package.tgz\"", "dk.trialport.fhir-0.1.0.tgz")
                .contains("<h2>Profiler</h2>", "<h2>Udvidelser (extensions)</h2>", "<h2>Kodesystemer</h2>")
                .contains("https://trialport.dk/fhir/StructureDefinition/trialport-researchstudy")
                .contains("href=\"/fhir/StructureDefinition/recruitment-status\"")
                .contains("https://trialport.dk/fhir/CodeSystem/recruitment-status")
                .contains("http://hl7.org/fhir/5.0/StructureDefinition/extension-ResearchStudy.label")
                .contains("href=\"/fhir/SearchParameter/researchstudy-recruitment-status\"")
                .contains("ResearchStudy/example-trial");
        Pages.assertLayout(html);
    }

    @Test
    void andInEnglish() {
        var html = Pages.get(client, "/fhir-profil?lang=en");

        assertThat(html)
                .contains("<html lang=\"en\">")
                .contains("<h1>Trialport&#39;s FHIR profile</h1>")
                .contains("<h2>Code systems</h2>", "Download dk.trialport.fhir-0.1.0.tgz");
        Pages.assertLayout(html);
    }

    @Test
    void theFooterLinksToIt() {
        assertThat(Pages.get(client, "/")).contains("<a href=\"/fhir-profil\">FHIR-profil for hospitalssystemer</a>");
    }
}
