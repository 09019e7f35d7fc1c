package dk.trialport.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import dk.trialport.identity.IdentityProperties;
import dk.trialport.support.FhirClients;
import dk.trialport.support.TrialBuilder;
import dk.trialport.support.TrialportIntegrationTest;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A hospital sends a trial with its sites and sponsor in one atomic transaction. */
@TrialportIntegrationTest
class FhirTransactionIT {

    @LocalServerPort
    int port;

    private static final String TEST_SITE = TrialportFhir.BASE + "/sid/test-site";

    @Autowired
    IdentityProperties identity;

    IGenericClient hospital;

    @BeforeEach
    void connect() {
        hospital = FhirClients.hospital(port, identity.issuer(), FhirClients.ALL_SCOPES);
    }

    @Test
    void aTrialWithItsSiteAndDepartmentIsStoredTogetherWithReferencesResolved() {
        var response = hospital.transaction()
                .withBundle(trialBundle("NCT90000101", "OUH-J1"))
                .execute();

        assertThat(response.getType()).isEqualTo(Bundle.BundleType.TRANSACTIONRESPONSE);
        assertThat(response.getEntry())
                .extracting(e -> e.getResponse().getStatus())
                .allMatch(s -> s.startsWith("201"));
        var studyId = response.getEntry().get(2).getResponse().getLocation().split("/")[1];
        var study =
                hospital.read().resource(ResearchStudy.class).withId(studyId).execute();
        var site = hospital.read()
                .resource(Location.class)
                .withId(study.getSiteFirstRep().getReferenceElement().getIdPart())
                .execute();
        assertThat(site.getName()).isEqualTo("Odense Universitetshospital, Lungemedicinsk Afdeling");
        var department = hospital.read()
                .resource(Organization.class)
                .withId(site.getManagingOrganization().getReferenceElement().getIdPart())
                .execute();
        assertThat(department.getName()).isEqualTo("OUH, Lungemedicinsk Afdeling J");
    }

    @Test
    void aTransactionWithOneBadEntryStoresNothing() {
        var bundle = trialBundle("NCT90000102", "OUH-J2");
        ((ResearchStudy) bundle.getEntry().get(2).getResource()).addSite(new Reference("Location/not-a-site"));

        assertThatThrownBy(() -> hospital.transaction().withBundle(bundle).execute())
                .isInstanceOf(UnprocessableEntityException.class);
        assertThat(count("Organization?identifier=" + TrialportFhir.SOR + "|" + TrialBuilder.sor("OUH-J2")))
                .isZero();
    }

    @Test
    void resendingTheSameTransactionWithConditionalRequestsChangesNoCount() {
        var conditional = trialBundle("NCT90000103", "OUH-J3");
        conditional
                .getEntry()
                .get(0)
                .getRequest()
                .setIfNoneExist("identifier=" + TrialportFhir.SOR + "|" + TrialBuilder.sor("OUH-J3"));
        ((Location) conditional.getEntry().get(1).getResource())
                .addIdentifier()
                .setSystem(TEST_SITE)
                .setValue("OUH-J3");
        conditional
                .getEntry()
                .get(1)
                .getRequest()
                .setMethod(Bundle.HTTPVerb.PUT)
                .setUrl("Location?identifier=" + TEST_SITE + "|OUH-J3");
        conditional
                .getEntry()
                .get(2)
                .getRequest()
                .setMethod(Bundle.HTTPVerb.PUT)
                .setUrl("ResearchStudy?identifier=" + TrialportFhir.TrialIdentifier.NCT + "|NCT90000103");

        hospital.transaction().withBundle(conditional).execute();
        hospital.transaction().withBundle(conditional).execute();

        assertThat(count("Organization?identifier=" + TrialportFhir.SOR + "|" + TrialBuilder.sor("OUH-J3")))
                .isEqualTo(1);
        assertThat(count("ResearchStudy?identifier=" + TrialportFhir.TrialIdentifier.NCT + "|NCT90000103"))
                .isEqualTo(1);
        var study = (ResearchStudy) hospital.search()
                .byUrl("ResearchStudy?identifier=" + TrialportFhir.TrialIdentifier.NCT + "|NCT90000103")
                .returnBundle(Bundle.class)
                .execute()
                .getEntryFirstRep()
                .getResource();
        assertThat(study.getMeta().getVersionId())
                .as("an unchanged trial sent again gets no new version")
                .isEqualTo("1");
    }

    private int count(String search) {
        return hospital.search()
                .byUrl(search)
                .returnBundle(Bundle.class)
                .execute()
                .getTotal();
    }

    private static Bundle trialBundle(String nct, String sorCode) {
        var bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        var department = TrialBuilder.department(sorCode, "OUH, Lungemedicinsk Afdeling J");
        bundle.addEntry()
                .setFullUrl("urn:uuid:0b9d1c7e-1111-4a0a-9a39-000000000001")
                .setResource(department)
                .getRequest()
                .setMethod(Bundle.HTTPVerb.POST)
                .setUrl("Organization");
        var site = TrialBuilder.site(
                "Odense Universitetshospital, Lungemedicinsk Afdeling",
                "Odense C",
                "5000",
                new Reference("urn:uuid:0b9d1c7e-1111-4a0a-9a39-000000000001"));
        bundle.addEntry()
                .setFullUrl("urn:uuid:0b9d1c7e-1111-4a0a-9a39-000000000002")
                .setResource(site)
                .getRequest()
                .setMethod(Bundle.HTTPVerb.POST)
                .setUrl("Location");
        var study = TrialBuilder.registered(nct)
                .at(new Reference("urn:uuid:0b9d1c7e-1111-4a0a-9a39-000000000002"))
                .study();
        bundle.addEntry()
                .setFullUrl("urn:uuid:0b9d1c7e-1111-4a0a-9a39-000000000003")
                .setResource(study)
                .getRequest()
                .setMethod(Bundle.HTTPVerb.POST)
                .setUrl("ResearchStudy");
        return bundle;
    }
}
