package dk.trialport.registry.ctis;

import dk.trialport.registry.ImportKeys;
import org.hl7.fhir.r4.model.Organization;

/** The trial's sponsor: {@code "sponsor": "name"} or {@code {"name": …}}, as an Organization keyed by name. */
final class CtisSponsor {

    private CtisSponsor() {}

    static String name(CtisTrial trial) {
        var sponsor = trial.path("sponsor");
        return sponsor.isValueNode() ? trial.text("sponsor") : CtisTrial.text(sponsor, "name");
    }

    /** Its {@link CtisSystems#SPONSOR} identifier value. */
    static String key(String name) {
        return ImportKeys.slug(name).isEmpty() ? ImportKeys.hashed(name) : ImportKeys.slug(name);
    }

    static Organization organization(String name) {
        var sponsor = new Organization().setName(name);
        sponsor.addIdentifier().setSystem(CtisSystems.SPONSOR).setValue(key(name));
        return sponsor;
    }
}
