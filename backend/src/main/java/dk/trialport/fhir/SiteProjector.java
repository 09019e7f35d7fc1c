package dk.trialport.fhir;

import dk.trialport.catalogue.Site;
import dk.trialport.catalogue.VersionStamp;
import org.hl7.fhir.r4.model.Location;

/** Reads the typed {@link Site} projection out of a Location. */
public final class SiteProjector {

    private SiteProjector() {}

    public static Site project(Location location, VersionStamp stamp) {
        var address = location.getAddress();
        var position = location.hasPosition() ? location.getPosition() : null;
        return new Site(
                stamp.id(),
                stamp.version(),
                stamp.lastUpdated(),
                location.getName(),
                hospital(location),
                address.getLine().isEmpty() ? null : address.getLine().get(0).getValue(),
                address.getPostalCode(),
                address.getCity(),
                region(location),
                address.getCountry(),
                position != null && position.hasLatitude()
                        ? position.getLatitude().doubleValue()
                        : null,
                position != null && position.hasLongitude()
                        ? position.getLongitude().doubleValue()
                        : null);
    }

    /**
     * The hospital: the managing organization's display when given, else the site's name up to its first
     * comma ("Rigshospitalet, Onkologisk Klinik" is a department of Rigshospitalet).
     */
    private static String hospital(Location location) {
        var display = location.getManagingOrganization().getDisplay();
        var name = display != null ? display : location.getName();
        if (name == null) {
            return null;
        }
        int comma = name.indexOf(',');
        return (comma > 0 ? name.substring(0, comma) : name).strip();
    }

    /** The address's state when it names a Danish region ("Region Hovedstaden"), else null. */
    private static String region(Location location) {
        var state = location.getAddress().getState();
        return state != null && state.startsWith("Region ") ? state : null;
    }
}
