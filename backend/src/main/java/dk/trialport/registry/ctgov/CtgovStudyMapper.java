package dk.trialport.registry.ctgov;

import static dk.trialport.registry.ctgov.CtgovStudy.text;

import com.fasterxml.jackson.databind.JsonNode;
import dk.trialport.fhir.TrialportFhir.Extensions;
import dk.trialport.fhir.TrialportFhir.TrialIdentifier;
import dk.trialport.registry.ImportKeys;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.hl7.fhir.r4.model.Resource;

/**
 * Maps one ClinicalTrials.gov API v2 study to a FHIR R4 transaction: the ResearchStudy, its sponsor,
 * its sites (Location + facility Organization) and site contacts (PractitionerRole). Every entry is a
 * conditional update keyed by an identifier, and fullUrls are name-based UUIDs, so mapping the same
 * record twice gives the same Bundle and importing it twice changes nothing.
 */
public class CtgovStudyMapper {

    public Bundle toTransaction(JsonNode json, SiteFilter filter) {
        var study = new CtgovStudy(json);
        var nctId = study.nctId();
        if (nctId == null) {
            throw new CtgovMappingException("The study has no identificationModule.nctId");
        }
        var bundle = new Bundle().setType(BundleType.TRANSACTION);
        var research = StudyResource.of(study);
        add(bundle, research, TrialIdentifier.NCT, nctId);
        sponsor(bundle, research, study);
        var sites = Sites.of(study, filter);
        for (Sites.Site site : sites.sites()) {
            var name = site.organization().getName();
            research.addSite(new Reference(Sites.locationUrl(site.key())).setDisplay(name));
            add(bundle, site.organization(), CtgovSystems.FACILITY, site.key());
            add(bundle, site.location(), CtgovSystems.FACILITY, site.key());
            for (Sites.Contact contact : site.contacts()) {
                add(bundle, contact.role(), CtgovSystems.SITE_CONTACT, contact.key());
                associatedParty(research, contact);
            }
        }
        if (filter == SiteFilter.DENMARK_ONLY) {
            research.addExtension(Extensions.SITES_OUTSIDE_DENMARK, new IntegerType(sites.outside()));
        }
        return bundle;
    }

    private static void sponsor(Bundle bundle, ResearchStudy research, CtgovStudy study) {
        var name = text(study.module("sponsorCollaboratorsModule").path("leadSponsor"), "name");
        if (name == null) {
            return;
        }
        var key = ImportKeys.slug(name).isEmpty() ? ImportKeys.hashed(name) : ImportKeys.slug(name);
        var sponsor = new Organization().setName(name);
        sponsor.addIdentifier().setSystem(CtgovSystems.SPONSOR).setValue(key);
        research.setSponsor(new Reference(fullUrl(sponsor, CtgovSystems.SPONSOR, key)).setDisplay(name));
        add(bundle, sponsor, CtgovSystems.SPONSOR, key);
    }

    /** R5 associatedParty: links the trial to its site contact, with the contact's role. */
    private static void associatedParty(ResearchStudy research, Sites.Contact contact) {
        var party = new Extension(Extensions.ASSOCIATED_PARTY);
        var role =
                new CodeableConcept().setText(contact.role().getCodeFirstRep().getText());
        if (contact.partyRole() != null) {
            role.addCoding(contact.partyRole());
        }
        party.addExtension("role", role);
        party.addExtension("party", new Reference(fullUrl(contact.role(), CtgovSystems.SITE_CONTACT, contact.key())));
        research.addExtension(party);
    }

    private static void add(Bundle bundle, Resource resource, String system, String value) {
        bundle.addEntry()
                .setFullUrl(fullUrl(resource, system, value))
                .setResource(resource)
                .getRequest()
                .setMethod(HTTPVerb.PUT)
                .setUrl(ImportKeys.conditionalUrl(resource.fhirType(), system, value));
    }

    private static String fullUrl(Resource resource, String system, String value) {
        return ImportKeys.fullUrl(resource.fhirType(), system, value);
    }
}
