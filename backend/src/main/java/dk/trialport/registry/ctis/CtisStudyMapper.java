package dk.trialport.registry.ctis;

import static dk.trialport.registry.ctis.CtisTrial.items;
import static dk.trialport.registry.ctis.CtisTrial.text;

import com.fasterxml.jackson.databind.JsonNode;
import dk.trialport.fhir.TrialportFhir.Extensions;
import dk.trialport.fhir.TrialportFhir.TrialIdentifier;
import dk.trialport.registry.ImportKeys;
import java.util.LinkedHashSet;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Maps one CTIS trial record to a FHIR R4 transaction of the same shape as a ClinicalTrials.gov
 * record's: the ResearchStudy keyed by its EU CT number, its sponsor and its Danish sites (Location +
 * Organization); sites elsewhere are counted. Every entry is a conditional update keyed by an
 * identifier with a name-based fullUrl, so mapping the same record twice gives the same Bundle.
 */
public class CtisStudyMapper {

    public Bundle toTransaction(JsonNode json) {
        var trial = new CtisTrial(json);
        var ctNumber = trial.ctNumber();
        if (ctNumber == null) {
            throw new CtisMappingException("The trial has no ctNumber");
        }
        if (!CtisIdentifiers.EU_CT.matcher(ctNumber).matches()) {
            throw new CtisMappingException("ctNumber " + ctNumber + " is not an EU CT number (2023-501234-12-00)");
        }
        var bundle = new Bundle().setType(BundleType.TRANSACTION);
        var research = CtisStudyResource.of(trial);
        add(bundle, research, TrialIdentifier.EU_CT, ctNumber);
        var sponsor = CtisSponsor.name(trial);
        if (sponsor != null) {
            var organization = CtisSponsor.organization(sponsor);
            var key = CtisSponsor.key(sponsor);
            research.setSponsor(
                    new Reference(ImportKeys.fullUrl("Organization", CtisSystems.SPONSOR, key)).setDisplay(sponsor));
            add(bundle, organization, CtisSystems.SPONSOR, key);
        }
        int outside = 0;
        var keys = new LinkedHashSet<String>();
        var hospitals = new LinkedHashSet<String>();
        for (JsonNode site : items(json, "sites")) {
            var iso = CtisStudyResource.iso(text(site, "country"));
            var name = text(site, "name");
            if (!"DK".equals(iso)) {
                outside++;
            } else if (name != null) {
                var department = text(site, "department");
                var key = ImportKeys.facility(
                        department == null ? name : name + ", " + department,
                        text(site, "city"),
                        text(site, "postalCode"),
                        iso);
                if (keys.add(key)) {
                    var hospital = ImportKeys.facility(name, text(site, "city"), text(site, "postalCode"), iso);
                    site(bundle, key, hospitals.add(hospital) ? hospital : null, name, department, site);
                    research.addSite(new Reference(ImportKeys.fullUrl("Location", CtisSystems.SITE, key))
                            .setDisplay(department == null ? name : name + ", " + department));
                }
            }
        }
        research.addExtension(Extensions.SITES_OUTSIDE_DENMARK, new IntegerType(outside));
        return bundle;
    }

    /** The site's Location, and its hospital's Organization unless an earlier site added it ({@code hospital} null). */
    private static void site(
            Bundle bundle, String key, String hospital, String name, String department, JsonNode json) {
        var address = new Address()
                .setCity(text(json, "city"))
                .setPostalCode(text(json, "postalCode"))
                .setCountry("DK");
        if (text(json, "address") != null) {
            address.addLine(text(json, "address"));
        }
        var location = new Location()
                .setName(department == null ? name : name + ", " + department)
                .setAddress(address);
        location.addIdentifier().setSystem(CtisSystems.SITE).setValue(key);
        var hospitalKey = ImportKeys.facility(name, address.getCity(), address.getPostalCode(), "DK");
        location.setManagingOrganization(
                new Reference(ImportKeys.fullUrl("Organization", CtisSystems.SITE, hospitalKey)).setDisplay(name));
        if (hospital != null) {
            var organization = new Organization().setName(name).addAddress(address.copy());
            organization.addIdentifier().setSystem(CtisSystems.SITE).setValue(hospital);
            add(bundle, organization, CtisSystems.SITE, hospital);
        }
        add(bundle, location, CtisSystems.SITE, key);
    }

    private static void add(Bundle bundle, Resource resource, String system, String value) {
        bundle.addEntry()
                .setFullUrl(ImportKeys.fullUrl(resource.fhirType(), system, value))
                .setResource(resource)
                .getRequest()
                .setMethod(HTTPVerb.PUT)
                .setUrl(ImportKeys.conditionalUrl(resource.fhirType(), system, value));
    }
}
