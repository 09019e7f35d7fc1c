package dk.trialport.registry.ctgov;

import static dk.trialport.registry.ctgov.CtgovStudy.items;
import static dk.trialport.registry.ctgov.CtgovStudy.text;

import com.fasterxml.jackson.databind.JsonNode;
import dk.trialport.registry.CountryCodes;
import dk.trialport.registry.ImportKeys;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;

/**
 * The registry's locations as sites: one Location and one facility Organization per facility (the
 * same facility listed twice in a study is one site), and a PractitionerRole per site contact.
 */
final class Sites {

    /** One site; {@code key} is its {@link CtgovSystems#FACILITY} identifier value. */
    record Site(String key, Location location, Organization organization, List<Contact> contacts) {}

    /** One site contact; {@code key} is its {@link CtgovSystems#SITE_CONTACT} identifier value. */
    record Contact(String key, PractitionerRole role, Coding partyRole) {}

    /** The sites the filter accepts and how many locations it left out. */
    record Result(List<Site> sites, int outside) {}

    private Sites() {}

    static Result of(CtgovStudy study, SiteFilter filter) {
        var sites = new LinkedHashMap<String, Site>();
        var outside = 0;
        for (JsonNode location : items(study.module("contactsLocationsModule"), "locations")) {
            var country = text(location, "country");
            var iso = CountryCodes.iso(country);
            var facility = text(location, "facility");
            if (!filter.accepts(iso)) {
                outside++;
            } else if (facility != null) {
                var key = ImportKeys.facility(
                        facility, text(location, "city"), text(location, "zip"), iso != null ? iso : country);
                var site = sites.computeIfAbsent(key, k -> site(k, facility, location, iso));
                addContacts(study.nctId(), site, location);
            }
        }
        return new Result(List.copyOf(sites.values()), outside);
    }

    static String locationUrl(String key) {
        return ImportKeys.fullUrl("Location", CtgovSystems.FACILITY, key);
    }

    static String organizationUrl(String key) {
        return ImportKeys.fullUrl("Organization", CtgovSystems.FACILITY, key);
    }

    private static Site site(String key, String facility, JsonNode json, String iso) {
        var address = new Address()
                .setCity(text(json, "city"))
                .setState(text(json, "state"))
                .setPostalCode(text(json, "zip"))
                .setCountry(iso != null ? iso : text(json, "country"));
        var organization = new Organization().setName(facility).addAddress(address.copy());
        organization.addIdentifier(identifier(key));
        var location = new Location().setName(facility).setAddress(address);
        location.addIdentifier(identifier(key));
        var geo = json.path("geoPoint");
        if (geo.path("lat").isNumber() && geo.path("lon").isNumber()) {
            location.getPosition()
                    .setLatitude(geo.path("lat").decimalValue())
                    .setLongitude(geo.path("lon").decimalValue());
        }
        location.setManagingOrganization(new Reference(organizationUrl(key)).setDisplay(facility));
        return new Site(key, location, organization, new ArrayList<>());
    }

    private static void addContacts(String nctId, Site site, JsonNode location) {
        for (JsonNode json : items(location, "contacts")) {
            var name = text(json, "name");
            var role = text(json, "role");
            var telecoms = Telecoms.of(json);
            if (name == null && telecoms.isEmpty()) {
                continue;
            }
            var who = name != null ? name : telecoms.get(0).getValue();
            var key = ImportKeys.hashed(nctId, site.key(), role, who);
            if (site.contacts().stream().anyMatch(c -> c.key().equals(key))) {
                continue;
            }
            var practitionerRole = new PractitionerRole().setTelecom(telecoms);
            practitionerRole
                    .addIdentifier()
                    .setSystem(CtgovSystems.SITE_CONTACT)
                    .setValue(key);
            practitionerRole.addCode(new CodeableConcept().setText(StudyCodes.contactRoleText(role)));
            if (name != null) {
                practitionerRole.getPractitioner().setDisplay(name);
            }
            var facility = site.organization().getName();
            practitionerRole.setOrganization(new Reference(organizationUrl(site.key())).setDisplay(facility));
            practitionerRole.addLocation(new Reference(locationUrl(site.key())).setDisplay(facility));
            site.contacts().add(new Contact(key, practitionerRole, StudyCodes.partyRole(role)));
        }
    }

    private static Identifier identifier(String key) {
        return new Identifier().setSystem(CtgovSystems.FACILITY).setValue(key);
    }
}
