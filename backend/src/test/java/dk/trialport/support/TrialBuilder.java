package dk.trialport.support;

import dk.trialport.fhir.Labels;
import dk.trialport.fhir.TrialportFhir;
import dk.trialport.fhir.TrialportFhir.CodeSystems;
import dk.trialport.fhir.TrialportFhir.Extensions;
import dk.trialport.fhir.TrialportFhir.TrialIdentifier;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.MarkdownType;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Range;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The one fixture builder for trials: a Danish trial as a hospital system sends it, as a FHIR ResearchStudy or as
 * the transaction Bundle that publishes it with its sites. Every test that needs a trial builds it here; the
 * test catalogues (search's judged catalogue, the portal's pages) are lists of what they vary.
 *
 * <pre>{@code
 * var bundle = TrialBuilder.trial("SEARCH-t2d")
 *         .titled("Weekly semaglutide for adults with type 2 diabetes")
 *         .plainTitle("Weekly semaglutide ...", "Ugentlig semaglutid ...")
 *         .condition("Type 2 diabetes", CodeSystems.SKS_DIAGNOSES, "DE11")
 *         .ages(18, 75)
 *         .at(TrialBuilder.Hospital.AUH)
 *         .transaction();
 * }</pre>
 */
public final class TrialBuilder {

    /** The identifier system of fixture sites and departments: one Location per hospital, shared by its trials. */
    public static final String SITE_SYSTEM = TrialportFhir.BASE + "/sid/test-site";

    /**
     * A hospital site: key, site name, the department that runs it (null: none sent), street, postal code, city,
     * region and position.
     */
    public record Hospital(
            String key,
            String name,
            String department,
            String street,
            String postalCode,
            String city,
            String region,
            double lat,
            double lon) {

        /** The site as a FHIR Location, managed by {@code department} when given. */
        public Location location(Reference department) {
            var location = new Location()
                    .setName(name)
                    .setStatus(Location.LocationStatus.ACTIVE)
                    .setAddress(new Address()
                            .addLine(street)
                            .setPostalCode(postalCode)
                            .setCity(city)
                            .setState(region)
                            .setCountry("DK"));
            location.addIdentifier().setSystem(SITE_SYSTEM).setValue(key);
            location.getPosition().setLatitude(lat).setLongitude(lon);
            if (department != null) {
                location.setManagingOrganization(department);
            }
            return location;
        }

        /** The department as a FHIR Organization, reachable by e-mail at {@code key@example.dk}. */
        public Organization organization() {
            var organization = new Organization().setName(department).setActive(true);
            organization.addIdentifier().setSystem(SITE_SYSTEM).setValue(key + "-org");
            organization
                    .addTelecom()
                    .setSystem(ContactPoint.ContactPointSystem.EMAIL)
                    .setValue(key + "@example.dk");
            return organization;
        }
    }

    /** Aarhus Universitetshospital's diabetes centre (8200 Aarhus N), a site of no department. */
    public static final Hospital AARHUS = new Hospital(
            "auh",
            "Aarhus Universitetshospital, Steno Diabetes Center",
            null,
            "Hospitalsvej 1",
            "8200",
            "Aarhus N",
            "Region Midtjylland",
            56.1900,
            10.1700);

    /** Rigshospitalet's oncology clinic (2100 København Ø), a site of no department. */
    public static final Hospital COPENHAGEN = new Hospital(
            "rh",
            "Rigshospitalet, Onkologisk Klinik",
            null,
            "Hospitalsvej 1",
            "2100",
            "København Ø",
            "Region Hovedstaden",
            55.6960,
            12.5683);

    private final String protocol;
    private final List<String[]> identifiers = new ArrayList<>();
    private final List<Hospital> sites = new ArrayList<>();
    private final List<Reference> siteReferences = new ArrayList<>();
    private String title = "A trial";
    private String description;
    private String[] plainTitle;
    private String[] summary;
    private String conditionText = "Type 2 diabetes";
    private String conditionSystem = CodeSystems.SKS_DIAGNOSES;
    private String conditionCode = "DE11";
    private String conditionDisplay = "Type 2 diabetes";
    private String recruitmentStatus = "recruiting";
    private String phase = "phase-3";
    private boolean interventional;
    private String start;
    private boolean decentralized;
    private boolean eligibility = true;
    private Integer minAge;
    private Integer maxAge;
    private String sex;
    private Boolean healthy;
    private String criteria;
    private boolean draft;
    private String contactName = "Forsøgssygeplejerske Hanne Berg";
    private String contactPhone = "+45 35 45 00 00";

    private TrialBuilder(String protocol) {
        this.protocol = protocol;
    }

    /** A recruiting type 2 diabetes trial, phase 3, for everyone, known by its local protocol number. */
    public static TrialBuilder trial(String protocol) {
        return new TrialBuilder(protocol);
    }

    /**
     * A trial as the FHIR tests send it: known only by its ClinicalTrials.gov number, with a title, a description, a
     * phase and a contact, nothing about recruitment or eligibility (the catalogue takes the study status).
     */
    public static TrialBuilder registered(String nct) {
        var trial = new TrialBuilder(null)
                .identifier(TrialIdentifier.NCT, nct)
                .titled("Semaglutide and exercise in adults with type 2 diabetes")
                .described("A randomised trial of weekly semaglutide with supervised exercise.")
                .withoutEligibility();
        trial.recruitmentStatus = null;
        return trial;
    }

    /**
     * A hospital department known by its SOR code, as a hospital system sends it: the code is {@link #sor} of the
     * test's key, so it keeps the profile's rule for SOR codes.
     */
    public static Organization department(String key, String name) {
        var organization = new Organization().setName(name).setActive(true);
        organization.addIdentifier().setSystem(TrialportFhir.SOR).setValue(sor(key));
        return organization;
    }

    /**
     * A SOR code of the form the profile asks (at least 11 digits, as DK Core's) for a test's readable key
     * ("OUH-J2"), the same each time; a key that already is such a code stays as it is.
     */
    public static String sor(String key) {
        return key.matches("[0-9]{11,}") ? key : "9" + String.format("%014d", Integer.toUnsignedLong(key.hashCode()));
    }

    /** Rigshospitalet's endocrinology clinic, a site of no department. */
    public static Location aSite() {
        return site("Rigshospitalet, Endokrinologisk Klinik", "København Ø", "2100", null);
    }

    /** A site in Copenhagen (Blegdamsvej 9), managed by {@code department} when given. */
    public static Location site(String name, String city, String postalCode, Reference department) {
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

    public TrialBuilder titled(String title) {
        this.title = title;
        return this;
    }

    public TrialBuilder described(String description) {
        this.description = description;
        return this;
    }

    /** The lay title in English and Danish. */
    public TrialBuilder plainTitle(String english, String danish) {
        this.plainTitle = new String[] {english, danish};
        return this;
    }

    /** The lay summary in English and Danish. */
    public TrialBuilder summary(String english, String danish) {
        this.summary = new String[] {english, danish};
        return this;
    }

    /** Another identifier besides the protocol number (NCT, EU CT, EudraCT, ...). */
    public TrialBuilder identifier(String system, String value) {
        identifiers.add(new String[] {system, value});
        return this;
    }

    public TrialBuilder condition(String text, String system, String code) {
        return condition(text, system, code, text);
    }

    /** The condition as free text and as a coding whose display may say it in other words (or language). */
    public TrialBuilder condition(String text, String system, String code, String display) {
        this.conditionText = text;
        this.conditionSystem = system;
        this.conditionCode = code;
        this.conditionDisplay = display;
        return this;
    }

    /** The recruitment status code (recruiting, not-yet-recruiting, completed, ...); completed closes the study. */
    public TrialBuilder status(String recruitmentStatus) {
        this.recruitmentStatus = recruitmentStatus;
        return this;
    }

    public TrialBuilder phase(String phase) {
        this.phase = phase;
        return this;
    }

    /** Says the study type: interventional. */
    public TrialBuilder interventional() {
        this.interventional = true;
        return this;
    }

    public TrialBuilder starting(String date) {
        this.start = date;
        return this;
    }

    public TrialBuilder decentralized(boolean decentralized) {
        this.decentralized = decentralized;
        return this;
    }

    /** The ages it takes, in years; null: no limit that way. Says who it takes, even after {@link #withoutEligibility()}. */
    public TrialBuilder ages(Integer min, Integer max) {
        this.minAge = min;
        this.maxAge = max;
        this.eligibility = true;
        return this;
    }

    /** The sex it takes (administrative gender code); null: everyone. */
    public TrialBuilder sex(String sex) {
        this.sex = sex;
        this.eligibility = this.eligibility || sex != null;
        return this;
    }

    /** Whether it takes healthy volunteers; null: the eligibility does not say. */
    public TrialBuilder healthyVolunteers(Boolean healthy) {
        this.healthy = healthy;
        this.eligibility = this.eligibility || healthy != null;
        return this;
    }

    /** The eligibility criteria as the registry text (Markdown). */
    public TrialBuilder criteria(String criteria) {
        this.criteria = criteria;
        return this;
    }

    /** No eligibility group at all: the trial says nothing of whom it takes. */
    public TrialBuilder withoutEligibility() {
        this.eligibility = false;
        return this;
    }

    /** A draft (FHIR status {@code in-review}): its team's alone, never public. */
    public TrialBuilder draft() {
        this.draft = true;
        return this;
    }

    public TrialBuilder contact(String name, String phone) {
        this.contactName = name;
        this.contactPhone = phone;
        return this;
    }

    /** Runs at these hospitals; the transaction sends each site (and its department) too. */
    public TrialBuilder at(Hospital... hospitals) {
        sites.addAll(List.of(hospitals));
        return this;
    }

    /** Runs at a site already stored (for {@link #study()}). */
    public TrialBuilder at(Reference site) {
        siteReferences.add(site);
        return this;
    }

    /** Runs at a site already stored, by its id (for {@link #study()}). */
    public TrialBuilder at(IIdType site) {
        return at(new Reference(site.toUnqualifiedVersionless().getValue()));
    }

    /**
     * The transaction that publishes the trial with its sites, as a hospital system sends it: sites and departments
     * by conditional update on their identifiers (so trials at one hospital share its Location), the study by
     * conditional update on its protocol number (so sending it again changes it).
     */
    public Bundle transaction() {
        var bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        var study = study();
        for (var hospital : sites) {
            Reference department = null;
            if (hospital.department() != null) {
                var organizationUrl = urn(hospital.key() + "-org");
                bundle.addEntry()
                        .setFullUrl(organizationUrl)
                        .setResource(hospital.organization())
                        .getRequest()
                        .setMethod(Bundle.HTTPVerb.PUT)
                        .setUrl("Organization?identifier=" + SITE_SYSTEM + "|" + hospital.key() + "-org");
                department = new Reference(organizationUrl);
            }
            var siteUrl = urn(protocol + hospital.key());
            bundle.addEntry()
                    .setFullUrl(siteUrl)
                    .setResource(hospital.location(department))
                    .getRequest()
                    .setMethod(Bundle.HTTPVerb.PUT)
                    .setUrl("Location?identifier=" + SITE_SYSTEM + "|" + hospital.key());
            study.addSite(new Reference(siteUrl));
        }
        bundle.addEntry()
                .setFullUrl(urn(protocol))
                .setResource(study)
                .getRequest()
                .setMethod(Bundle.HTTPVerb.PUT)
                .setUrl("ResearchStudy?identifier=" + TrialIdentifier.LOCAL_PROTOCOL + "|" + protocol);
        return bundle;
    }

    /** Publishes the trial with its sites through the FHIR API, as the demo hospital system would. */
    public void publish(int port, String issuer) {
        FhirClients.hospital(port, issuer, FhirClients.ALL_SCOPES)
                .transaction()
                .withBundle(transaction())
                .execute();
    }

    /** A trial's and its site's ids, as a hospital system created them over FHIR. */
    public record Created(String trialId, String siteId) {}

    /** Creates {@link #aSite()} and then this trial at it over FHIR with {@code token}, one POST each. */
    public Created create(WebTestClient web, String token) {
        var siteId = post(web, token, "Location", aSite());
        at(new Reference("Location/" + siteId));
        return new Created(post(web, token, "ResearchStudy", study()), siteId);
    }

    private static String post(WebTestClient web, String token, String type, Resource resource) {
        var location = web.post()
                .uri("/fhir/" + type)
                .headers(headers -> headers.setBearerAuth(token))
                .contentType(MediaType.parseMediaType("application/fhir+json"))
                .bodyValue(FhirClients.CONTEXT.newJsonParser().encodeResourceToString(resource))
                .exchange()
                .expectStatus()
                .isCreated()
                .returnResult(String.class)
                .getResponseHeaders()
                .getLocation();
        return location.getPath().split("/")[3];
    }

    /** The ResearchStudy alone, with the sites given as references. */
    public ResearchStudy study() {
        var study = new ResearchStudy()
                .setTitle(title)
                .setStatus(
                        "completed".equals(recruitmentStatus)
                                ? ResearchStudy.ResearchStudyStatus.COMPLETED
                                : ResearchStudy.ResearchStudyStatus.ACTIVE);
        if (draft) {
            study.setStatus(ResearchStudy.ResearchStudyStatus.INREVIEW);
        }
        if (description != null) {
            study.setDescription(description);
        }
        if (protocol != null) {
            study.addIdentifier().setSystem(TrialIdentifier.LOCAL_PROTOCOL).setValue(protocol);
        }
        identifiers.forEach(
                identifier -> study.addIdentifier().setSystem(identifier[0]).setValue(identifier[1]));
        if (plainTitle != null) {
            study.addExtension(Labels.plainLanguage(plainTitle[0], plainTitle[1]));
        }
        if (summary != null) {
            var markdown = new MarkdownType(summary[0]);
            markdown.addExtension(Labels.translation("da", summary[1]));
            study.addExtension(new Extension(Extensions.DESCRIPTION_SUMMARY, markdown));
        }
        if (recruitmentStatus != null) {
            study.addExtension(new Extension(
                    Extensions.RECRUITMENT_STATUS,
                    new Coding(CodeSystems.RECRUITMENT_STATUS, recruitmentStatus, null)));
        }
        if (decentralized) {
            study.addExtension(new Extension(Extensions.DECENTRALIZED, new BooleanType(true)));
        }
        study.addCondition(new CodeableConcept()
                .setText(conditionText)
                .addCoding(new Coding(conditionSystem, conditionCode, conditionDisplay)));
        study.setPhase(new CodeableConcept().addCoding(new Coding(CodeSystems.PHASE, phase, null)));
        if (interventional) {
            study.addCategory(
                    new CodeableConcept().addCoding(new Coding(CodeSystems.STUDY_TYPE, "interventional", null)));
        }
        if (start != null) {
            study.setPeriod(new Period().setStartElement(new DateTimeType(start)));
        }
        study.addContact()
                .setName(contactName)
                .addTelecom(new ContactPoint()
                        .setSystem(ContactPoint.ContactPointSystem.PHONE)
                        .setValue(contactPhone));
        if (eligibility) {
            study.addContained(eligibilityGroup());
            study.addEnrollment(new Reference("#eligibility"));
        }
        siteReferences.forEach(study::addSite);
        return study;
    }

    private Group eligibilityGroup() {
        var group = new Group().setType(Group.GroupType.PERSON).setActual(false);
        group.setId("eligibility");
        if (minAge != null || maxAge != null) {
            var ages = new Range();
            if (minAge != null) {
                ages.setLow(years(minAge));
            }
            if (maxAge != null) {
                ages.setHigh(years(maxAge));
            }
            group.addCharacteristic()
                    .setExclude(false)
                    .setValue(ages)
                    .setCode(new CodeableConcept().addCoding(new Coding(CodeSystems.LOINC, "30525-0", "Age")));
        }
        if (sex != null) {
            group.addCharacteristic()
                    .setExclude(false)
                    .setCode(new CodeableConcept().addCoding(new Coding(CodeSystems.SNOMED, "263495000", "Gender")))
                    .setValue(
                            new CodeableConcept().addCoding(new Coding(CodeSystems.ADMINISTRATIVE_GENDER, sex, null)));
        }
        if (healthy != null) {
            group.addCharacteristic()
                    .setExclude(false)
                    .setCode(new CodeableConcept()
                            .addCoding(new Coding(CodeSystems.ELIGIBILITY, "healthy-volunteers", null)))
                    .setValue(new BooleanType(healthy));
        }
        if (criteria != null) {
            group.addExtension(Extensions.ELIGIBILITY_CRITERIA, new MarkdownType(criteria));
        }
        return group;
    }

    private static Quantity years(int value) {
        return new Quantity()
                .setValue(value)
                .setSystem(CodeSystems.UCUM)
                .setCode("a")
                .setUnit("years");
    }

    private static String urn(String key) {
        return "urn:uuid:" + UUID.nameUUIDFromBytes(key.getBytes());
    }
}
