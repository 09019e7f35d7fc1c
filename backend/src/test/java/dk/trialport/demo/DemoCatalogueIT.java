package dk.trialport.demo;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import dk.trialport.catalogue.TrialProjectionStore;
import dk.trialport.identity.TrialTeams;
import dk.trialport.support.TrialportIntegrationTest;
import java.util.HashSet;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Location;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.reactive.function.client.WebClient;

/** The demo catalogue a newcomer sees: realistic Danish trials in every region, made once, the same every time. */
@TrialportIntegrationTest
class DemoCatalogueIT {

    @Autowired
    DemoCatalogueSeeder seeder;

    @Autowired
    TrialProjectionStore trials;

    @Autowired
    TrialTeams teams;

    @LocalServerPort
    int port;

    @Test
    void fillsTheCatalogueOnceWithTrialsInAllFiveRegions() {
        int added = seeder.seedAll().block();
        int again = seeder.seedAll().block();

        assertThat(added).isEqualTo(60);
        assertThat(again).isZero();
        var all = trials.all().collectList().block();
        assertThat(all).hasSize(60);
        assertThat(all)
                .extracting(t -> t.recruitmentStatus())
                .contains("recruiting", "not-yet-recruiting", "completed");
        assertThat(all).allSatisfy(t -> {
            assertThat(t.layTitleDa()).isNotBlank();
            assertThat(t.layTitleEn()).isNotBlank();
            assertThat(t.summaryDa()).contains("Forsøget");
            assertThat(t.minimumAgeYears()).isNotNull();
            assertThat(t.siteIds()).isNotEmpty();
        });
        assertThat(all).anyMatch(t -> t.maximumAgeYears() == null);
        var regions = new HashSet<String>();
        var body = WebClient.create("http://localhost:" + port)
                .get()
                .uri("/fhir/Location?_count=500")
                .retrieve()
                .bodyToMono(String.class)
                .block();
        var sites = FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class, body);
        sites.getEntry()
                .forEach(e ->
                        regions.add(((Location) e.getResource()).getAddress().getState()));
        assertThat(regions)
                .containsExactlyInAnyOrder(
                        "Region Hovedstaden",
                        "Region Sjælland",
                        "Region Syddanmark",
                        "Region Midtjylland",
                        "Region Nordjylland");

        // every demo trial is run by its lead department's team; the demo investigator's has one
        assertThat(all).allSatisfy(t -> assertThat(teams.teamOf(t.id()).block()).isNotBlank());
        assertThat(teams.trialsOf("rh-onkologi").collectList().block()).isNotEmpty();
        assertThat(teams.organization("rh-onkologi").block().name()).isEqualTo("Rigshospitalet, Onkologisk Afdeling");
    }

    @Test
    void theSameSeedMakesTheSameTrials() {
        var parser = FhirContext.forR4Cached().newJsonParser();
        var first = new DemoTrialGenerator(7);
        var second = new DemoTrialGenerator(7);
        for (int i = 1; i <= 5; i++) {
            assertThat(parser.encodeResourceToString(first.trial(i)))
                    .isEqualTo(parser.encodeResourceToString(second.trial(i)));
        }
    }
}
