package dk.trialport.portal;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dk.trialport.catalogue.CatalogueStore;
import dk.trialport.catalogue.Outbox;
import dk.trialport.fhir.TrialportFhir;
import dk.trialport.fhir.TrialportFhir.CodeSystems;
import dk.trialport.fhir.TrialportFhir.Extensions;
import dk.trialport.fhir.TrialportFhir.TrialIdentifier;
import dk.trialport.support.Eventually;
import dk.trialport.support.FhirClients;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.MarkdownType;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Range;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.hl7.fhir.r4.model.StringType;

/**
 * Trials the page tests (and the clinician app's) publish through the FHIR API, as a hospital system would, and wait
 * for in the index.
 */
public final class PortalFixture {

    static final String PROTOCOL_PREFIX = "PORTAL-";
    private static final String SYSTEM = TrialportFhir.BASE + "/sid/portal-test";

    /** A site: key, department, street, postal code, city, region and position. */
    public record Hospital(
            String key,
            String name,
            String department,
            String street,
            String postalCode,
            String city,
            String region,
            double lat,
            double lon) {}

    public static final Hospital AUH = new Hospital(
            "auh",
            "Aarhus Universitetshospital, Steno Diabetes Center",
            "Steno Diabetes Center Aarhus",
            "Palle Juul-Jensens Boulevard 11",
            "8200",
            "Aarhus N",
            "Region Midtjylland",
            56.19,
            10.17);
    public static final Hospital RH = new Hospital(
            "rh",
            "Rigshospitalet, Onkologisk Klinik",
            "Onkologisk Klinik",
            "Blegdamsvej 9",
            "2100",
            "København Ø",
            "Region Hovedstaden",
            55.696,
            12.5683);

    /**
     * One trial. {@code healthy} null: the eligibility does not say; {@code eligibility} false: no eligibility
     * group at all.
     */
    public record Spec(
            String key,
            String titleDa,
            String titleEn,
            String condition,
            String code,
            Integer minAge,
            Integer maxAge,
            String sex,
            Boolean healthy,
            boolean eligibility,
            String criteria,
            List<String[]> identifiers,
            Hospital site,
            String status) {

        /** A trial open for recruitment. */
        public Spec(
                String key,
                String titleDa,
                String titleEn,
                String condition,
                String code,
                Integer minAge,
                Integer maxAge,
                String sex,
                Boolean healthy,
                boolean eligibility,
                String criteria,
                List<String[]> identifiers,
                Hospital site) {
            this(
                    key,
                    titleDa,
                    titleEn,
                    condition,
                    code,
                    minAge,
                    maxAge,
                    sex,
                    healthy,
                    eligibility,
                    criteria,
                    identifiers,
                    site,
                    "recruiting");
        }
    }

    public static final String CRITERIA =
            "Inclusion criteria:\n\n- Type 2 diabetes for at least 1 year\n- HbA1c above 53\n\n"
                    + "Exclusion criteria:\n\n1. Pregnancy\n2. <b>Severe</b> kidney disease";

    public static final Spec T2D = new Spec(
            "t2d",
            "Ugentlig medicin til voksne med type 2-diabetes",
            "Weekly medicine for adults with type 2 diabetes",
            "Type 2 diabetes",
            "DE11",
            18,
            75,
            null,
            false,
            true,
            CRITERIA,
            List.of(
                    new String[] {TrialIdentifier.NCT, "NCT01234567"},
                    new String[] {TrialIdentifier.EU_CT, "2024-512345-12-00"},
                    new String[] {TrialIdentifier.EUDRACT, "2019-001234-56"}),
            AUH);
    static final Spec SCRIPT = new Spec(
            "script",
            "Kost <script>alert(1)</script> ved type 2-diabetes",
            "Diet <script>alert(1)</script> in type 2 diabetes",
            "Type 2 diabetes",
            "DE11",
            30,
            null,
            null,
            null,
            true,
            null,
            List.of(),
            AUH);
    static final Spec T1D = new Spec(
            "t1d",
            "Automatisk insulinpumpe ved type 1-diabetes",
            "Closed-loop insulin pump for type 1 diabetes",
            "Diabetes Mellitus, Type 1",
            "DE10",
            18,
            null,
            null,
            false,
            true,
            null,
            List.of(),
            AUH);
    static final Spec BREAST = new Spec(
            "breast",
            "Immunterapi før operation for brystkræft",
            "Immunotherapy before surgery for breast cancer",
            "Breast cancer",
            "DC50",
            18,
            null,
            "female",
            false,
            true,
            null,
            List.of(),
            RH);
    static final Spec UNSTATED = new Spec(
            "unstated",
            "Hjemmemåling ved hjertesvigt",
            "Home monitoring in heart failure",
            "Heart failure",
            "DI50",
            null,
            null,
            null,
            null,
            false,
            null,
            List.of(),
            RH);

    static final Spec COMPLETED = new Spec(
            "completed",
            "Afsluttet forsøg med kost ved gigt",
            "A finished diet trial in arthritis",
            "Rheumatoid arthritis",
            "DM05",
            18,
            null,
            null,
            false,
            true,
            null,
            List.of(),
            RH,
            "completed");

    static final List<Spec> CATALOGUE = List.of(T2D, SCRIPT, T1D, BREAST, UNSTATED, COMPLETED);

    private PortalFixture() {}

    public static void publish(int port, String issuer, List<Spec> specs) {
        var client = FhirClients.hospital(port, issuer, FhirClients.ALL_SCOPES);
        specs.forEach(spec -> client.transaction().withBundle(transaction(spec)).execute());
    }

    /** Waits until the indexer has taken every change, then makes the index show them. */
    public static void awaitIndexed(Outbox outbox, ElasticsearchClient elasticsearch) {
        Eventually.await(() -> outbox.backlog("trial-indexer").block() == 0, "the indexer catches up");
        try {
            elasticsearch.indices().refresh(r -> r.index("trials"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The catalogue id of a published fixture trial. */
    public static String id(CatalogueStore store, Spec spec) {
        return store.idsByIdentifier("ResearchStudy", TrialIdentifier.LOCAL_PROTOCOL, PROTOCOL_PREFIX + spec.key())
                .blockFirst();
    }

    static Bundle transaction(Spec spec) {
        var bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        var organizationUrl = urn(spec.key() + "org");
        var department = new Organization().setName(spec.site().department()).setActive(true);
        department.addIdentifier().setSystem(SYSTEM).setValue(spec.key() + "-org");
        department
                .addTelecom()
                .setSystem(ContactPoint.ContactPointSystem.EMAIL)
                .setValue(spec.site().key() + "@example.dk");
        bundle.addEntry()
                .setFullUrl(organizationUrl)
                .setResource(department)
                .getRequest()
                .setMethod(Bundle.HTTPVerb.POST)
                .setUrl("Organization");
        var siteUrl = urn(spec.key() + "site");
        bundle.addEntry()
                .setFullUrl(siteUrl)
                .setResource(location(spec, organizationUrl))
                .getRequest()
                .setMethod(Bundle.HTTPVerb.POST)
                .setUrl("Location");
        bundle.addEntry()
                .setFullUrl(urn(spec.key()))
                .setResource(study(spec, siteUrl))
                .getRequest()
                .setMethod(Bundle.HTTPVerb.POST)
                .setUrl("ResearchStudy");
        return bundle;
    }

    private static ResearchStudy study(Spec spec, String siteUrl) {
        var study = new ResearchStudy()
                .setTitle("A trial of " + spec.titleEn())
                .setStatus(
                        "completed".equals(spec.status())
                                ? ResearchStudy.ResearchStudyStatus.COMPLETED
                                : ResearchStudy.ResearchStudyStatus.ACTIVE)
                .setDescription("Participants are followed for 12 months.");
        study.addIdentifier().setSystem(TrialIdentifier.LOCAL_PROTOCOL).setValue(PROTOCOL_PREFIX + spec.key());
        spec.identifiers()
                .forEach(identifier ->
                        study.addIdentifier().setSystem(identifier[0]).setValue(identifier[1]));
        study.addExtension(label(spec.titleEn(), spec.titleDa()));
        var summary = new MarkdownType(
                "This trial is about " + spec.condition().toLowerCase() + ". You visit the hospital 4 times.");
        summary.addExtension(translation(
                "da", "Forsøget handler om " + spec.titleDa().toLowerCase() + ". Du kommer på hospitalet 4 gange."));
        study.addExtension(new Extension(Extensions.DESCRIPTION_SUMMARY, summary));
        study.addExtension(new Extension(
                Extensions.RECRUITMENT_STATUS, new Coding(CodeSystems.RECRUITMENT_STATUS, spec.status(), null)));
        study.addCondition(new CodeableConcept()
                .setText(spec.condition())
                .addCoding(new Coding(CodeSystems.SKS_DIAGNOSES, spec.code(), spec.condition())));
        study.setPhase(new CodeableConcept().addCoding(new Coding(CodeSystems.PHASE, "phase-3", null)));
        study.addContact()
                .setName("Forsøgssygeplejerske Hanne Berg")
                .addTelecom(new ContactPoint()
                        .setSystem(ContactPoint.ContactPointSystem.PHONE)
                        .setValue("+45 35 45 00 00"));
        if (spec.eligibility()) {
            study.addContained(eligibility(spec));
            study.addEnrollment(new Reference("#eligibility"));
        }
        study.addSite(new Reference(siteUrl));
        return study;
    }

    private static Location location(Spec spec, String organizationUrl) {
        var hospital = spec.site();
        var location = new Location()
                .setName(hospital.name())
                .setStatus(Location.LocationStatus.ACTIVE)
                .setAddress(new Address()
                        .addLine(hospital.street())
                        .setPostalCode(hospital.postalCode())
                        .setCity(hospital.city())
                        .setState(hospital.region())
                        .setCountry("DK"))
                .setManagingOrganization(new Reference(organizationUrl));
        location.addIdentifier().setSystem(SYSTEM).setValue(spec.key() + "-site");
        location.getPosition().setLatitude(hospital.lat()).setLongitude(hospital.lon());
        return location;
    }

    private static Group eligibility(Spec spec) {
        var group = new Group().setType(Group.GroupType.PERSON).setActual(false);
        group.setId("eligibility");
        var ages = new Range();
        if (spec.minAge() != null) {
            ages.setLow(new Quantity()
                    .setValue(spec.minAge())
                    .setSystem(CodeSystems.UCUM)
                    .setCode("a")
                    .setUnit("years"));
        }
        if (spec.maxAge() != null) {
            ages.setHigh(new Quantity()
                    .setValue(spec.maxAge())
                    .setSystem(CodeSystems.UCUM)
                    .setCode("a")
                    .setUnit("years"));
        }
        group.addCharacteristic()
                .setExclude(false)
                .setValue(ages)
                .setCode(new CodeableConcept().addCoding(new Coding(CodeSystems.LOINC, "30525-0", "Age")));
        if (spec.sex() != null) {
            group.addCharacteristic()
                    .setExclude(false)
                    .setCode(new CodeableConcept().addCoding(new Coding(CodeSystems.SNOMED, "263495000", "Gender")))
                    .setValue(new CodeableConcept()
                            .addCoding(new Coding(CodeSystems.ADMINISTRATIVE_GENDER, spec.sex(), null)));
        }
        if (spec.healthy() != null) {
            group.addCharacteristic()
                    .setExclude(false)
                    .setCode(new CodeableConcept()
                            .addCoding(new Coding(CodeSystems.ELIGIBILITY, "healthy-volunteers", null)))
                    .setValue(new BooleanType(spec.healthy()));
        }
        if (spec.criteria() != null) {
            group.addExtension(Extensions.ELIGIBILITY_CRITERIA, new MarkdownType(spec.criteria()));
        }
        return group;
    }

    private static Extension label(String english, String danish) {
        var label = new Extension(Extensions.LABEL);
        label.addExtension(
                "type",
                new CodeableConcept()
                        .addCoding(new Coding(
                                "http://hl7.org/fhir/title-type", "plain-language", "Plain language title")));
        var value = new StringType(english);
        value.addExtension(translation("da", danish));
        label.addExtension("value", value);
        return label;
    }

    private static Extension translation(String language, String content) {
        var translation = new Extension(Extensions.TRANSLATION);
        translation.addExtension("lang", new CodeType(language));
        translation.addExtension("content", new StringType(content));
        return translation;
    }

    private static String urn(String key) {
        return "urn:uuid:" + UUID.nameUUIDFromBytes(("portal-" + key).getBytes());
    }
}
