package dk.trialport.registry.ctgov;

import static dk.trialport.support.FhirTestSupport.fullUrl;
import static dk.trialport.support.FhirTestSupport.resources;
import static dk.trialport.support.FhirTestSupport.study;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import dk.trialport.fhir.TrialportFhir.Extensions;
import dk.trialport.support.FhirTestSupport;
import java.io.IOException;
import java.util.List;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The transaction around the trial: sites, contacts, the Denmark filter, idempotence and validity. */
class CtgovTransactionTest {

    private static final CtgovStudyMapper MAPPER = new CtgovStudyMapper();
    private static List<JsonNode> studies;

    @BeforeAll
    static void readFixture() throws IOException {
        studies = CtgovReader.readAll(FhirTestSupport.fixture());
    }

    @Test
    void turnsLocationsIntoSitesWithTheirContacts() {
        var bundle = MAPPER.toTransaction(studies.get(0), SiteFilter.ALL);
        var study = study(bundle);
        var locations = resources(bundle, Location.class);
        var rigshospitalet = locations.get(0);

        assertThat(locations)
                .extracting(Location::getName)
                .containsExactly("Rigshospitalet", "Aarhus Universitetshospital", "Skånes universitetssjukhus");
        assertThat(study.getSite())
                .extracting(s -> s.getReference())
                .containsExactlyElementsOf(
                        locations.stream().map(l -> fullUrl(bundle, l)).toList());
        assertThat(rigshospitalet.getAddress().getCity()).isEqualTo("København Ø");
        assertThat(rigshospitalet.getAddress().getPostalCode()).isEqualTo("2100");
        assertThat(rigshospitalet.getAddress().getCountry()).isEqualTo("DK");
        assertThat(locations.get(2).getAddress().getCountry()).isEqualTo("SE");
        assertThat(rigshospitalet.getPosition().getLatitude()).isEqualByComparingTo("55.69617");
        assertThat(rigshospitalet.getPosition().getLongitude()).isEqualByComparingTo("12.56826");
        assertThat(rigshospitalet.getIdentifierFirstRep().getValue()).isEqualTo("dk.koebenhavn-oe.2100.rigshospitalet");
        var facility = resources(bundle, Organization.class).stream()
                .filter(o -> o.getName().equals("Rigshospitalet"))
                .findFirst()
                .orElseThrow();
        assertThat(rigshospitalet.getManagingOrganization().getReference()).isEqualTo(fullUrl(bundle, facility));
        assertThat(FhirTestSupport.entry(bundle, rigshospitalet).getRequest().getUrl())
                .isEqualTo(
                        "Location?identifier=https://trialport.dk/fhir/sid/ctgov-facility|dk.koebenhavn-oe.2100.rigshospitalet");

        var roles = resources(bundle, PractitionerRole.class);
        assertThat(roles)
                .extracting(
                        r -> r.getCodeFirstRep().getText(),
                        r -> r.getPractitioner().getDisplay())
                .containsExactly(
                        tuple("Site contact", "Hanne Berg, RN"),
                        tuple("Principal Investigator", "Peter Holm, MD, PhD"),
                        tuple("Site contact", "Mette Lund"));
        assertThat(roles.get(0).getLocationFirstRep().getReference()).isEqualTo(fullUrl(bundle, rigshospitalet));
        assertThat(roles.get(0).getOrganization().getReference()).isEqualTo(fullUrl(bundle, facility));
        assertThat(roles.get(0).getTelecom())
                .extracting(ContactPoint::getSystem)
                .containsExactly(ContactPoint.ContactPointSystem.PHONE, ContactPoint.ContactPointSystem.EMAIL);
        assertThat(roles.get(0).getIdentifierFirstRep().getValue()).doesNotContain("Hanne");
        assertThat(study.getExtensionsByUrl(Extensions.ASSOCIATED_PARTY))
                .extracting(p -> ((Reference) p.getExtensionByUrl("party").getValue()).getReference())
                .containsExactlyElementsOf(
                        roles.stream().map(r -> fullUrl(bundle, r)).toList());
    }

    @Test
    void keepsOnlyDanishSitesAndCountsTheOthers() {
        var bundle = MAPPER.toTransaction(studies.get(0), SiteFilter.DENMARK_ONLY);
        var study = study(bundle);

        assertThat(resources(bundle, Location.class))
                .extracting(l -> l.getAddress().getCountry())
                .containsOnly("DK")
                .hasSize(2);
        assertThat(study.getSite()).hasSize(2);
        assertThat(study.getExtensionByUrl(Extensions.SITES_OUTSIDE_DENMARK)
                        .getValue()
                        .primitiveValue())
                .isEqualTo("1");

        var american = MAPPER.toTransaction(studies.get(1), SiteFilter.DENMARK_ONLY);
        assertThat(resources(american, Location.class)).isEmpty();
        assertThat(study(american)
                        .getExtensionByUrl(Extensions.SITES_OUTSIDE_DENMARK)
                        .getValue()
                        .primitiveValue())
                .isEqualTo("1");
    }

    @Test
    void mergesAFacilityListedTwice() {
        var bundle = MAPPER.toTransaction(studies.get(2), SiteFilter.ALL);

        assertThat(resources(bundle, Location.class)).hasSize(1);
        assertThat(resources(bundle, PractitionerRole.class)).hasSize(1);
        assertThat(bundle.getEntry()).extracting(e -> e.getRequest().getUrl()).doesNotHaveDuplicates();
    }

    @Test
    void mapsTheSameRecordToTheSameBundle() {
        for (JsonNode json : studies) {
            assertThat(MAPPER.toTransaction(json, SiteFilter.ALL)
                            .equalsDeep(MAPPER.toTransaction(json, SiteFilter.ALL)))
                    .isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(SiteFilter.class)
    void producesValidResourcesThatRoundTrip(SiteFilter filter) {
        for (JsonNode json : studies) {
            var bundle = MAPPER.toTransaction(json, filter);

            assertThat(FhirTestSupport.errors(bundle))
                    .as(new CtgovStudy(json).nctId())
                    .isEmpty();
            for (var entry : bundle.getEntry()) {
                assertThat(FhirTestSupport.errors(entry.getResource())).isEmpty();
            }
            assertThat(FhirTestSupport.roundTrip(bundle).equalsDeep(bundle)).isTrue();
        }
    }
}
