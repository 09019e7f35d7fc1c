package dk.trialport.demo;

import dk.trialport.recruitment.model.Consent;
import dk.trialport.recruitment.model.InterestProfile;
import dk.trialport.recruitment.model.Position;
import dk.trialport.search.vocabulary.ConditionConcept;
import dk.trialport.search.vocabulary.Place;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Makes invented people with interest profiles: one to three condition areas (or a condition below one), an
 * adult age, sex, a home near a Danish postal code's centre, a travel distance, portal and/or e-mail. The
 * same seed, vocabulary and places always give the same people in the same order, ids included.
 */
public final class DemoVolunteerGenerator {

    private static final int[] TRAVEL_KM = {10, 25, 50, 50, 75, 100, 100, 150, 200, 300};

    private final Random random;
    private final List<ConditionConcept> areas;
    private final List<List<String>> conditionsByArea;
    private final List<Place> places;
    private final Consent consent;
    private int number;

    /**
     * @param concepts the condition vocabulary's concepts, in its order
     * @param places where people live, in a fixed order
     * @param consent the consent every generated profile was given with
     */
    public DemoVolunteerGenerator(long seed, List<ConditionConcept> concepts, List<Place> places, Consent consent) {
        this.random = new Random(seed);
        this.areas = concepts.stream().filter(ConditionConcept::isArea).toList();
        this.conditionsByArea = areas.stream()
                .map(area -> concepts.stream()
                        .filter(concept -> concept.parents().contains(area.id()))
                        .map(ConditionConcept::id)
                        .toList())
                .toList();
        this.places = List.copyOf(places);
        this.consent = consent;
    }

    /** The next person of this seed's sequence: {@code demo-volunteer-0001}, {@code -0002}, … */
    public DemoVolunteer next() {
        number++;
        var subject = String.format("demo-volunteer-%04d", number);
        var place = places.get(random.nextInt(places.size()));
        var home = new Position(
                place.point().lat() + (random.nextDouble() - 0.5) * 0.1,
                place.point().lon() + (random.nextDouble() - 0.5) * 0.16);
        var sexDraw = random.nextInt(100);
        var sex = sexDraw < 52 ? "female" : sexDraw < 98 ? "male" : "other";
        var email = random.nextInt(2) == 0 ? subject + "@example.dk" : null;
        var inPortal = email == null || random.nextInt(5) > 0;
        var given = consent.givenAt();
        var profile = new InterestProfile(
                uuid(),
                uuid(),
                interests(),
                18 + random.nextInt(73),
                LocalDate.ofInstant(given, ZoneOffset.UTC),
                sex,
                random.nextInt(12) == 0,
                place.postalCode(),
                home,
                TRAVEL_KM[random.nextInt(TRAVEL_KM.length)],
                inPortal,
                email,
                consent,
                random.nextInt(20) == 0 ? given : null,
                given,
                given);
        return new DemoVolunteer(subject, profile);
    }

    /** One to three distinct areas, each now and then narrowed to one of its conditions. */
    private List<String> interests() {
        var chosen = new ArrayList<String>();
        int count = 1 + (random.nextInt(10) < 6 ? 0 : random.nextInt(3) == 0 ? 2 : 1);
        while (chosen.size() < count) {
            int area = random.nextInt(areas.size());
            var conditions = conditionsByArea.get(area);
            var interest = conditions.isEmpty() || random.nextInt(10) < 7
                    ? areas.get(area).id()
                    : conditions.get(random.nextInt(conditions.size()));
            if (!chosen.contains(interest)) {
                chosen.add(interest);
            }
        }
        return chosen;
    }

    private UUID uuid() {
        return new UUID(
                random.nextLong() & 0xffffffffffff0fffL | 0x4000L,
                random.nextLong() & 0x3fffffffffffffffL | 0x8000000000000000L);
    }

    /** A generated person: the login subject they would have and their profile. */
    public record DemoVolunteer(String subject, InterestProfile profile) {}
}
