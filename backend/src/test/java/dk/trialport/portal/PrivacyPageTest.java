package dk.trialport.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;

import dk.trialport.recruitment.application.RegisteringInterest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The site says who runs it, what it keeps and which cookies it sets; the consent text has its own page. */
@PageTest
class PrivacyPageTest {

    @Autowired
    WebTestClient client;

    @Autowired
    RegisteringInterest registering;

    @BeforeEach
    void currentConsentText() {
        when(registering.consentVersion()).thenReturn("interest-2026-12");
    }

    @Test
    void everyPageSaysWhoRunsTheSiteAndLinksToThePrivacyStatement() {
        assertThat(Pages.get(client, "/"))
                .contains("Trialport drives af Trialport-sekretariatet, som er dataansvarlig for dine oplysninger.")
                .contains("<a href=\"/privatliv\">Privatliv og cookies</a>");
        assertThat(Pages.get(client, "/tilgaengelighed?lang=en"))
                .contains("Trialport is run by Trialport-sekretariatet, the data controller for your details.")
                .contains("<a href=\"/privatliv\">Privacy and cookies</a>");
    }

    @Test
    void thePrivacyStatementNamesTheControllerTheDataTheRightsAndTheOnlyCookies() {
        var html = Pages.get(client, "/privatliv");

        assertThat(html)
                .contains("<html lang=\"da\">")
                .contains("<h1>Privatliv og cookies</h1>")
                .contains("Trialport drives af Trialport-sekretariatet, som er dataansvarlig")
                .contains("href=\"mailto:dpo@trialport.dk\"")
                .contains("<code>SESSION</code>", "<code>trialport-lang</code>")
                .contains("ingen cookies til statistik")
                .contains("Datatilsynet")
                .contains("href=\"/samtykke/interest-2026-12\"");
        Pages.assertLayout(html);

        assertThat(Pages.get(client, "/privatliv?lang=en"))
                .contains("<h1>Privacy and cookies</h1>")
                .contains("Danish Data Protection Agency");
    }

    @Test
    void theConsentTextSaysWhatTheTeamSeesTheSameWayAsTheForm() {
        var html = Pages.get(client, "/samtykke/interest-2026-12");

        assertThat(html)
                .contains("<h1>Samtykketekst for tilmelding af interesse</h1>")
                .contains("ikke dit navn, dit CPR-nummer eller dine kontaktoplysninger")
                .contains("først, hvis du selv vælger at dele det med dem på Min side")
                .contains("Samtykketekst, version interest-2026-12")
                .doesNotContain("rettet teksten");
        Pages.assertLayout(html);
    }

    @Test
    void anEarlierVersionShowsTheCurrentTextAndSaysItWasCorrected() {
        assertThat(Pages.get(client, "/samtykke/interest-2026-11"))
                .contains("Du gav samtykke til version interest-2026-11 af teksten. Vi har siden rettet teksten");
    }

    @Test
    void anUnknownVersionIsNotFound() {
        client.get().uri("/samtykke/interest-2099-01").exchange().expectStatus().isNotFound();
        client.get().uri("/samtykke/whatever").exchange().expectStatus().isNotFound();
    }
}
