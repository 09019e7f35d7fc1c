package dk.trialport.fhir;

import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The catalogue's fixtures for tests of other features. */
public final class TrialFixtureAccess {

    private TrialFixtureAccess() {}

    public static Location site() {
        return TrialFixture.site("Rigshospitalet, Endokrinologisk Klinik", "København Ø", "2100", null);
    }

    public static ResearchStudy trial(IIdType site) {
        return TrialFixture.recruiting("NCT07000001", new Reference(site.getValue()));
    }

    /** A published trial's or a draft's ids, and its site's, as a hospital system created them over FHIR. */
    public record Created(String trialId, String siteId) {}

    /**
     * Creates a site and a recruiting trial at it over FHIR with {@code token} (the demo hospital's); a draft
     * ({@code in-review}) when {@code draft}, titled {@code title}.
     */
    public static Created create(WebTestClient web, String token, String nct, String title, boolean draft) {
        var fhirJson = MediaType.parseMediaType("application/fhir+json");
        var siteId = TrialOwnershipIT.created(web.post()
                .uri("/fhir/Location")
                .headers(h -> h.setBearerAuth(token))
                .contentType(fhirJson)
                .bodyValue(TrialOwnershipIT.json(site()))
                .exchange());
        var trial = TrialFixture.recruiting(nct, new Reference("Location/" + siteId));
        trial.setTitle(title);
        if (draft) {
            trial.setStatus(ResearchStudy.ResearchStudyStatus.INREVIEW);
        }
        var trialId = TrialOwnershipIT.created(web.post()
                .uri("/fhir/ResearchStudy")
                .headers(h -> h.setBearerAuth(token))
                .contentType(fhirJson)
                .bodyValue(TrialOwnershipIT.json(trial))
                .exchange());
        return new Created(trialId, siteId);
    }
}
