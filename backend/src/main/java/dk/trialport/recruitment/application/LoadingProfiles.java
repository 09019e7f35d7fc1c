package dk.trialport.recruitment.application;

import dk.trialport.recruitment.infrastructure.ProfileCopy;
import dk.trialport.recruitment.infrastructure.ProfileStore;
import dk.trialport.recruitment.model.InterestProfile;
import java.util.Map;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Fills an empty volunteer registry in bulk (the demo registry, benchmark data), as PostgreSQL's COPY does. */
@Service
public class LoadingProfiles {

    private final ProfileStore profiles;
    private final ProfileCopy copy;

    LoadingProfiles(ProfileStore profiles, ProfileCopy copy) {
        this.profiles = profiles;
        this.copy = copy;
    }

    /** How many interest profiles the registry holds. */
    public Mono<Long> count() {
        return profiles.count();
    }

    /** Inserts the profiles, keyed by their person's login subject; emits how many. Nobody may exist yet. */
    public Mono<Long> insert(Map<String, InterestProfile> profilesBySubject) {
        return copy.insert(profilesBySubject);
    }
}
