package dk.trialport.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.reset;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

import dk.trialport.recruitment.application.FindingTrialsForProfile;
import dk.trialport.recruitment.application.KeepingProfile;
import dk.trialport.recruitment.model.Consent;
import dk.trialport.recruitment.model.InterestProfile;
import dk.trialport.recruitment.model.Position;
import dk.trialport.search.SearchPage;
import dk.trialport.support.PersonBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

/** The open trials that fit the person's interest profile now, on the profile page, in Danish and English. */
@PageTest
class ProfilePageTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    KeepingProfile profiles;

    @Autowired
    FindingTrialsForProfile trials;

    WebTestClient anne;

    @BeforeEach
    void anne() {
        reset(profiles, trials);
        when(profiles.consentVersion()).thenReturn("profile-2026-11");
        anne = WebTestClient.bindToApplicationContext(context)
                .apply(springSecurity())
                .configureClient()
                .responseTimeout(java.time.Duration.ofSeconds(60))
                .build()
                .mutateWith(PersonBuilder.citizen("anne").login());
    }

    @Test
    void anActiveProfileShowsTheNearestFittingTrialsWithALinkToTheSameSearch() {
        var profile = profile("female", false);
        when(profiles.read("anne")).thenReturn(Mono.just(profile));
        when(trials.fitting(eq(profile), any(), isNull(), eq(10)))
                .thenReturn(
                        Mono.just(page(12, SearchItems.item("t2d", "Ugentlig semaglutid ved type 2-diabetes", "da"))));

        var html = Pages.get(anne, "/profil");

        assertThat(html)
                .contains("<h2 id=\"trials-heading\">Forsøg, der passer til din profil nu</h2>")
                .contains("højst 50 km fra 8000. Nærmeste først.")
                .contains("12 forsøg passer.", "Her er den nærmeste.")
                .contains(
                        "<a href=\"/forsoeg/t2d?age=54&amp;sex=female&amp;postalCode=8000\">Ugentlig semaglutid ved type "
                                + "2-diabetes</a>")
                .contains("<span class=\"tag\">Søger deltagere</span>")
                .contains("<dt>Nærmeste sted</dt>")
                .contains("Aarhus Universitetshospital, Steno Diabetes Center, Aarhus N")
                .contains("(12 km fra 8000)")
                .contains("href=\"/soeg?condition=diabetes&amp;condition=breast-cancer&amp;age=54&amp;sex=female"
                        + "&amp;postalCode=8000&amp;distanceKm=50&amp;status=recruiting&amp;status=not-yet-recruiting"
                        + "&amp;sort=distance\">Søg videre med de samme valg</a>");
        assertThat(html.indexOf("trials-heading"))
                .as("the trials come before the form")
                .isLessThan(html.indexOf("<form method=\"post\" action=\"/profil\""));
        Pages.assertLayout(html);
        var levels = Pages.headingLevels(html);
        for (int i = 1; i < levels.size(); i++) {
            assertThat(levels.get(i)).isLessThanOrEqualTo(levels.get(i - 1) + 1);
        }
    }

    @Test
    void englishReadersSeeTheEnglishTitleAndTexts() {
        var profile = profile("other", true);
        when(profiles.read("anne")).thenReturn(Mono.just(profile));
        when(trials.fitting(eq(profile), eq(Locale.ENGLISH), isNull(), eq(10)))
                .thenReturn(Mono.just(
                        page(1, SearchItems.item("vaccine", "Weekly semaglutide for type 2 diabetes", "en"))));

        var html = Pages.get(anne, "/profil?lang=en");

        assertThat(html)
                .contains("<h2 id=\"trials-heading\">Trials that fit your profile now</h2>")
                .contains("for healthy volunteers of your age and sex, with a site at most 50 km from 8000")
                .contains("1 trial fits.")
                .doesNotContain("nearest.")
                .contains(">Weekly semaglutide for type 2 diabetes</a>")
                .contains("(12 km from 8000)")
                .contains("href=\"/soeg?healthyVolunteers=true&amp;age=54&amp;postalCode=8000&amp;distanceKm=50")
                .doesNotContain("sex=other");
    }

    @Test
    void whenNoneFitThePageSaysSo() {
        var profile = profile("female", false);
        when(profiles.read("anne")).thenReturn(Mono.just(profile));
        when(trials.fitting(eq(profile), any(), isNull(), eq(10))).thenReturn(Mono.just(page(0)));

        assertThat(Pages.get(anne, "/profil"))
                .contains("Ingen åbne forsøg passer til din profil lige nu.")
                .doesNotContain("class=\"result-list\"");
    }

    @Test
    void whenTheSearchDoesNotAnswerTheProfileIsStillShown() {
        var profile = profile("female", false);
        when(profiles.read("anne")).thenReturn(Mono.just(profile));
        when(trials.fitting(eq(profile), any(), isNull(), eq(10)))
                .thenReturn(Mono.error(new IllegalStateException("index down")));

        assertThat(Pages.get(anne, "/profil"))
                .contains("Vi kan ikke vise forsøgene lige nu.", "Søg videre med de samme valg", "name=\"areas\"");
    }

    @Test
    void aPausedProfileOrNoneShowsNoTrials() {
        var paused = profile("female", false).pause(Instant.now());
        when(profiles.read("anne")).thenReturn(Mono.just(paused));
        assertThat(Pages.get(anne, "/profil")).doesNotContain("trials-heading");

        when(profiles.read(anyString())).thenReturn(Mono.empty());
        assertThat(Pages.get(anne, "/profil")).doesNotContain("trials-heading").contains("name=\"areas\"");
        verify(trials, never()).fitting(any(), any(), any(), eq(10));
    }

    private static InterestProfile profile(String sex, boolean healthy) {
        var details = new InterestProfile.Details(
                healthy ? List.of() : List.of("diabetes", "breast-cancer"),
                54,
                sex,
                healthy,
                "8000",
                new Position(56.15, 10.2),
                50,
                true,
                null);
        return InterestProfile.create(UUID.randomUUID(), details, new Consent("profile-2026-11", Instant.now()));
    }

    private static SearchPage page(long total, SearchPage.Item... items) {
        return new SearchPage(total, List.of(items), Map.of(), null, null);
    }
}
