package dk.trialport.search;

import dk.trialport.fhir.TrialportFhir.CodeSystems;
import dk.trialport.support.FhirClients;
import java.util.List;

/** The search fixtures for tests of other features: trials with conditions, eligibility and sites, as Bundles. */
public final class SearchFixtureAccess {

    private SearchFixtureAccess() {}

    /** Where a fixture trial runs: Aarhus Universitetshospital (8200) or Rigshospitalet (2100). */
    public enum Site {
        AARHUS(SearchFixture.AUH),
        COPENHAGEN(SearchFixture.RIGSHOSPITALET);

        private final SearchFixture.Hospital hospital;

        Site(SearchFixture.Hospital hospital) {
            this.hospital = hospital;
        }
    }

    /** Publishes (or, with the same key, changes) one trial through the FHIR API as a hospital would. */
    public static void publish(
            int port,
            String issuer,
            String key,
            String title,
            String condition,
            String sksCode,
            String status,
            Integer minAge,
            Integer maxAge,
            String sex,
            boolean healthy,
            Site site) {
        var spec = new SearchFixture.Spec(
                key,
                title,
                title + " (da)",
                condition,
                CodeSystems.SKS_DIAGNOSES,
                sksCode,
                status,
                minAge,
                maxAge,
                sex,
                healthy,
                false,
                "2026-01-01",
                List.of(site.hospital));
        FhirClients.hospital(port, issuer, FhirClients.ALL_SCOPES)
                .transaction()
                .withBundle(SearchFixture.transaction(spec))
                .execute();
    }
}
