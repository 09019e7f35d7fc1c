package dk.trialport.recruitment.application;

import dk.trialport.audit.AuditLog;
import dk.trialport.recruitment.infrastructure.ProfileStore;
import dk.trialport.recruitment.infrastructure.RegistrationStore;
import dk.trialport.recruitment.model.InterestProfile;
import dk.trialport.search.SearchPage;
import dk.trialport.search.TrialQuery;
import dk.trialport.search.TrialQuery.Sort;
import dk.trialport.search.TrialSearch;
import dk.trialport.search.vocabulary.GeoPoint;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The open trials that fit a person's interest profile, nearest first, from the search index: the reverse of
 * {@link MatchingProfiles}, with the same criteria as far as a search can state them (areas, age, sex, travel
 * distance from home; a healthy volunteer is shown the trials that ask for healthy volunteers, in any area).
 */
@Service
public class FindingTrialsForProfile {

    private static final ZoneId DENMARK = ZoneId.of("Europe/Copenhagen");
    private static final List<String> OPEN = dk.trialport.catalogue.Trial.OPEN_RECRUITMENT;

    private final RegistrationStore people;
    private final ProfileStore profiles;
    private final TrialSearch search;
    private final AuditLog audit;

    FindingTrialsForProfile(RegistrationStore people, ProfileStore profiles, TrialSearch search, AuditLog audit) {
        this.people = people;
        this.profiles = profiles;
        this.search = search;
        this.audit = audit;
    }

    /** The trials fitting the person's own profile; empty when they have none. */
    public Mono<SearchPage> mine(String subject, Locale locale, String cursor) {
        return people.existingPerson(subject)
                .flatMap(profiles::ofPerson)
                .flatMap(profile -> audit.record(
                                profile.personId().toString(),
                                "PATIENT",
                                "profile-searched",
                                profile.personId().toString(),
                                "InterestProfile/" + profile.id(),
                                "the person looked for trials that fit their interest profile")
                        .then(fitting(profile, locale, cursor, 20)));
    }

    /** One page of the open trials that fit the profile. */
    public Mono<SearchPage> fitting(InterestProfile profile, Locale locale, String cursor, int size) {
        return search.search(query(profile, LocalDate.now(DENMARK), locale, cursor, size));
    }

    static TrialQuery query(InterestProfile profile, LocalDate today, Locale locale, String cursor, int size) {
        var healthy = profile.healthyVolunteer();
        return new TrialQuery(
                null,
                OPEN,
                healthy ? List.of() : profile.areas(),
                List.of(),
                List.of(),
                (double) profile.ageOn(today),
                profile.sex(),
                healthy ? Boolean.TRUE : null,
                List.of(),
                List.of(),
                null,
                null,
                null,
                new GeoPoint(profile.home().lat(), profile.home().lon()),
                profile.travelKm(),
                Sort.DISTANCE,
                cursor,
                size,
                locale,
                TrialQuery.FhirCriteria.NONE,
                null);
    }
}
