package dk.trialport.fhir;

import dk.trialport.fhir.TrialportFhir.CodeSystems;
import dk.trialport.fhir.TrialportFhir.TrialIdentifier;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ResearchStudy;

/** Realistic Danish trials and sites, as a hospital system would send them. */
final class TrialFixture {

    private TrialFixture() {}

    static Organization department(String sorCode, String name) {
        var organization = new Organization().setName(name).setActive(true);
        organization.addIdentifier().setSystem(TrialportFhir.SOR).setValue(sorCode);
        return organization;
    }

    static Location site(String name, String city, String postalCode, Reference department) {
        var location = new Location().setName(name).setStatus(Location.LocationStatus.ACTIVE);
        location.setAddress(new Address()
                .setCity(city)
                .setPostalCode(postalCode)
                .setCountry("DK")
                .addLine("Blegdamsvej 9"));
        location.getPosition().setLatitude(55.6960).setLongitude(12.5683);
        location.setManagingOrganization(department);
        return location;
    }

    /** A published, recruiting type 2 diabetes trial at one site. */
    static ResearchStudy recruiting(String nct, Reference site) {
        var study = new ResearchStudy()
                .setTitle("Semaglutide and exercise in adults with type 2 diabetes")
                .setStatus(ResearchStudy.ResearchStudyStatus.ACTIVE)
                .setDescription("A randomised trial of weekly semaglutide with supervised exercise.");
        study.addIdentifier().setSystem(TrialIdentifier.NCT).setValue(nct);
        study.addCondition(new CodeableConcept()
                .setText("Type 2 diabetes")
                .addCoding(new Coding(CodeSystems.SKS_DIAGNOSES, "DE11", "Type 2-diabetes")));
        study.setPhase(new CodeableConcept().addCoding(new Coding(CodeSystems.PHASE, "phase-3", "Phase 3")));
        study.addSite(site);
        study.addContact()
                .setName("Forsøgssygeplejerske Hanne Berg")
                .addTelecom()
                .setSystem(ContactPoint.ContactPointSystem.PHONE)
                .setValue("+45 35 45 00 00");
        return study;
    }
}
