package dk.trialport.fhir;

import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ResearchStudy;

/** The catalogue's fixtures for tests of other features. */
public final class TrialFixtureAccess {

    private TrialFixtureAccess() {}

    public static Location site() {
        return TrialFixture.site("Rigshospitalet, Endokrinologisk Klinik", "København Ø", "2100", null);
    }

    public static ResearchStudy trial(IIdType site) {
        return TrialFixture.recruiting("NCT07000001", new Reference(site.getValue()));
    }
}
