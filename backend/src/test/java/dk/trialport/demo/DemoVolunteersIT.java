package dk.trialport.demo;

import static dk.trialport.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

import dk.trialport.catalogue.TrialProjectionStore;
import dk.trialport.demo.DemoVolunteerGenerator.DemoVolunteer;
import dk.trialport.recruitment.application.FindingTrialsForProfile;
import dk.trialport.recruitment.application.MatchingProfiles;
import dk.trialport.recruitment.infrastructure.ProfileStore;
import dk.trialport.search.SearchPage;
import dk.trialport.support.TrialportIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The demo volunteer registry a newcomer gets beside the demo catalogue: 500 people across the country, the
 * same every time, contact details encrypted like anyone's, and enough of them fitting the demo trials that
 * feasibility counts, inboxes and "trials for my profile" have something to show.
 */
@TrialportIntegrationTest
class DemoVolunteersIT {

    @Autowired
    DemoVolunteerSeeder seeder;

    @Autowired
    ProfileStore profiles;

    @Autowired
    MatchingProfiles matching;

    @Autowired
    FindingTrialsForProfile trialsForProfile;

    @Autowired
    TrialProjectionStore trials;

    @Autowired
    DatabaseClient database;

    @Autowired
    ApplicationContext context;

    @Test
    void fillsAnEmptyRegistryOnceWithPeopleAcrossTheCountry() {
        seeder.seedIfEmpty().block();
        assertThat(seeder.seedIfEmpty().block())
                .as("only an empty registry is filled")
                .isZero();

        assertThat(count("SELECT count(*) FROM interest_profile")).isEqualTo(500);
        assertThat(count("SELECT count(*) FROM person WHERE subject LIKE 'demo-volunteer-%'"))
                .isEqualTo(500);
        assertThat(count("SELECT count(*) FROM person WHERE subject IN ('demo-volunteer-0001', 'demo-volunteer-0500')"))
                .isEqualTo(2);
        assertThat(count("SELECT count(*) FROM consent_event WHERE kind = 'given' AND profile_id IS NOT NULL"))
                .isEqualTo(500);
        assertThat(count("SELECT count(DISTINCT left(postal_code, 1)) FROM interest_profile"))
                .as("homes in every part of the country")
                .isGreaterThanOrEqualTo(8);
        assertThat(count("SELECT count(DISTINCT a) FROM interest_profile, unnest(areas) a"))
                .isGreaterThan(18);
        assertThat(count("SELECT count(*) FROM interest_profile WHERE age_years < 30"))
                .isPositive();
        assertThat(count("SELECT count(*) FROM interest_profile WHERE age_years > 75"))
                .isPositive();
        assertThat(count("SELECT count(DISTINCT sex) FROM interest_profile")).isEqualTo(3);
        assertThat(count("SELECT count(*) FROM interest_profile WHERE healthy_volunteer"))
                .isPositive();
        assertThat(count("SELECT count(*) FROM interest_profile WHERE paused_at IS NOT NULL"))
                .isPositive();
    }

    @Test
    void theSameSeedMakesTheSamePeopleAndTheirAddressesAreEncryptedAtRest() {
        seeder.seedIfEmpty().block();
        var at = Instant.parse("2026-05-01T08:00:00Z");
        var first = generate(seeder.generator(2026, at), 500);
        assertThat(generate(seeder.generator(2026, at), 500)).isEqualTo(first);
        assertThat(generate(seeder.generator(7, at), 500)).isNotEqualTo(first);

        var withEmail = first.stream().filter(v -> v.profile().email() != null).toList();
        assertThat(count("SELECT count(*) FROM interest_profile WHERE notify_email"))
                .isEqualTo(withEmail.size());
        for (var expected : List.of(first.get(0), first.get(41), withEmail.get(0), first.get(499))) {
            var stored = profiles.ofPerson(expected.profile().personId()).block();
            var generated = expected.profile();
            assertThat(stored).as(expected.subject()).isNotNull();
            assertThat(stored.id()).isEqualTo(generated.id());
            assertThat(stored.areas()).isEqualTo(generated.areas());
            assertThat(stored.ageYears()).isEqualTo(generated.ageYears());
            assertThat(stored.sex()).isEqualTo(generated.sex());
            assertThat(stored.postalCode()).isEqualTo(generated.postalCode());
            assertThat(stored.home()).isEqualTo(generated.home());
            assertThat(stored.travelKm()).isEqualTo(generated.travelKm());
            assertThat(stored.isPaused()).isEqualTo(generated.isPaused());
            assertThat(stored.email())
                    .as("decrypted with the application's key")
                    .isEqualTo(generated.email());
        }
        var address = withEmail.get(0).profile().email();
        var atRest = database.sql("SELECT email_encrypted FROM interest_profile WHERE person_id = :person")
                .bind("person", withEmail.get(0).profile().personId())
                .map(row -> row.get(0, byte[].class))
                .one()
                .block();
        assertThat(new String(atRest, StandardCharsets.ISO_8859_1))
                .doesNotContain(address)
                .doesNotContain("@example.dk");
        assertThat(atRest).hasSize(12 + address.length() + 16);
        assertThat(count("SELECT count(*) FROM interest_profile "
                        + "WHERE position(convert_to('example.dk', 'UTF8') IN email_encrypted) > 0"))
                .isZero();
    }

    @Test
    void demoTrialsFitDemoVolunteers() {
        seeder.seedIfEmpty().block();
        DemoCatalogueAccess.seed(context);

        var feasible = new HashMap<String, Long>();
        for (var trial : trials.all().collectList().block()) {
            feasible.put(trial.id(), matching.countMatching(trial.id()).block());
        }
        assertThat(feasible.values())
                .as("feasibility counts of the demo trials")
                .anyMatch(n -> n > 0);
        var most =
                feasible.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();

        await(
                () -> count("SELECT count(*) FROM person_notification WHERE trial_id = '" + most.getKey() + "'")
                        == most.getValue(),
                "the matcher tells exactly the people the feasibility count counted");
        var person = database.sql("SELECT n.person_id FROM person_notification n JOIN interest_profile p "
                        + "ON p.person_id = n.person_id WHERE n.trial_id = :trial AND NOT p.healthy_volunteer LIMIT 1")
                .bind("trial", most.getKey())
                .map(row -> row.get(0, UUID.class))
                .one()
                .block();
        var profile = profiles.ofPerson(person).block();
        await(
                () -> ids(trialsForProfile
                                .fitting(profile, Locale.ENGLISH, null, 100)
                                .block())
                        .contains(most.getKey()),
                "the trial is among those shown for the person's profile");
    }

    private static List<DemoVolunteer> generate(DemoVolunteerGenerator generator, int n) {
        var people = new ArrayList<DemoVolunteer>();
        for (int i = 0; i < n; i++) {
            people.add(generator.next());
        }
        return people;
    }

    private static List<String> ids(SearchPage page) {
        return page.items().stream().map(SearchPage.Item::id).toList();
    }

    private long count(String query) {
        return database.sql(query).map(row -> row.get(0, Long.class)).one().block();
    }
}
