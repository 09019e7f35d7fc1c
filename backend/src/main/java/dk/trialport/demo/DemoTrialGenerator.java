package dk.trialport.demo;

import dk.trialport.fhir.Labels;
import dk.trialport.fhir.TrialportFhir;
import dk.trialport.fhir.TrialportFhir.CodeSystems;
import dk.trialport.fhir.TrialportFhir.Extensions;
import dk.trialport.fhir.TrialportFhir.TrialIdentifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
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
import org.hl7.fhir.r4.model.ResearchStudy.ResearchStudyStatus;
import org.hl7.fhir.r4.model.UnsignedIntType;

/**
 * Makes realistic demo trials as transaction Bundles: a trial, its sites (Location) and their
 * departments (Organization), conditional on identifiers so the same seed never duplicates.
 * The same seed always gives the same trials, each with its own title, and texts told from one set of facts
 * (how long, how many visits) so the Danish and English summaries and the description agree.
 */
public final class DemoTrialGenerator {

    private static final String DEPARTMENT = TrialportFhir.BASE + "/sid/demo-department";
    private static final String SITE = TrialportFhir.BASE + "/sid/demo-site";
    private static final String AREA = TrialportFhir.BASE + "/CodeSystem/condition-area";
    private static final String[] STATUSES = {
        "recruiting", "recruiting", "recruiting", "not-yet-recruiting", "active-not-recruiting", "completed"
    };
    private static final String[] PHASES = {"phase-1", "phase-2", "phase-2", "phase-3", "phase-3", "phase-4", "n-a"};
    private static final String[] FIRST_NAMES = {"Hanne", "Lars", "Mette", "Søren", "Camilla", "Jens", "Line", "Anders"
    };
    private static final String[] LAST_NAMES = {"Jensen", "Nielsen", "Hansen", "Pedersen", "Andersen", "Christensen"};

    private final Random random;
    private final java.util.Set<String> usedTitles = new java.util.HashSet<>();

    public DemoTrialGenerator(long seed) {
        this.random = new Random(seed);
    }

    /** The {@code number}th trial of this seed's sequence, with one to three sites. */
    public Bundle trial(int number) {
        var area = pick(DiseaseArea.ALL);
        var condition = pick(area.conditions());
        var intervention = pick(area.interventions());
        var status = STATUSES[random.nextInt(STATUSES.length)];
        var bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        var siteReferences = new ArrayList<Reference>();
        var hospitals = new ArrayList<>(Hospital.ALL);
        java.util.Collections.shuffle(hospitals, random);
        int siteCount = 1 + random.nextInt(3);
        for (var hospital : hospitals.subList(0, siteCount)) {
            siteReferences.add(addSite(bundle, hospital, area));
        }
        var study = study(number, area, condition, intervention, status, hospitals.get(0), siteReferences);
        bundle.addEntry()
                .setFullUrl(urn())
                .setResource(study)
                .getRequest()
                .setMethod(Bundle.HTTPVerb.PUT)
                .setUrl("ResearchStudy?identifier=" + TrialIdentifier.LOCAL_PROTOCOL + "|" + protocol(number));
        return bundle;
    }

    private ResearchStudy study(
            int number,
            DiseaseArea area,
            DiseaseArea.Condition condition,
            DiseaseArea.Intervention intervention,
            String status,
            Hospital sponsor,
            List<Reference> sites) {
        // One set of facts, told in every text: the scientific description and both lay summaries. The random
        // draws keep the order and number they had when each text drew its own, so a seed's catalogue (trials,
        // teams, sites) stays as it was.
        var followUpAfter = 6 + random.nextInt(30);
        var euCt = String.format(
                "20%02d-5%05d-%02d-00", 23 + random.nextInt(3), random.nextInt(100000), random.nextInt(100));
        var months = 3 + random.nextInt(22);
        var visits = 2 + random.nextInt(10);
        random.nextInt(22);
        random.nextInt(10);
        var titles = layTitles(condition, intervention, months, sponsor);
        var study = new ResearchStudy()
                .setTitle("A randomised trial of " + intervention.en() + " in adults with " + condition.en())
                .setStatus(r4Status(status))
                .setDescription("Participants are randomly assigned to " + intervention.en() + " or usual care for "
                        + months + " months, with " + visits + " visits to the hospital, and followed for "
                        + followUpAfter + " months after that.");
        study.addIdentifier().setSystem(TrialIdentifier.LOCAL_PROTOCOL).setValue(protocol(number));
        study.addIdentifier().setSystem(TrialIdentifier.EU_CT).setValue(euCt);
        study.addExtension(Labels.plainLanguage(titles[0], titles[1]));
        var summaryEn = "This trial tests whether " + intervention.en() + " can help people with " + condition.en()
                + ". Half of the participants get " + intervention.en() + ", the other half usual care. You take part"
                + " for about " + months + " months and visit the hospital " + visits + " times.";
        var summaryDa = "Forsøget undersøger, om " + intervention.da() + " kan hjælpe personer med " + condition.da()
                + ". Halvdelen af deltagerne får " + intervention.da() + ", den anden halvdel almindelig behandling."
                + " Du deltager i omkring " + months + " måneder og kommer på hospitalet " + visits + " gange.";
        var summary = new MarkdownType(summaryEn);
        summary.addExtension(Labels.translation("da", summaryDa));
        study.addExtension(new Extension(Extensions.DESCRIPTION_SUMMARY, summary));
        study.addExtension(
                new Extension(Extensions.RECRUITMENT_STATUS, new Coding(CodeSystems.RECRUITMENT_STATUS, status, null)));
        var recruitment = new Extension(Extensions.RECRUITMENT);
        recruitment.addExtension("targetNumber", new UnsignedIntType(20 + random.nextInt(480)));
        recruitment.addExtension("eligibility", new Reference("#eligibility"));
        study.addExtension(recruitment);
        if (random.nextInt(4) == 0) {
            study.addExtension(new Extension(Extensions.DECENTRALIZED, new BooleanType(true)));
        }
        var phase = PHASES[random.nextInt(PHASES.length)];
        study.setPhase(new CodeableConcept().addCoding(new Coding(CodeSystems.PHASE, phase, null)));
        study.addCategory(new CodeableConcept()
                .addCoding(new Coding(CodeSystems.STUDY_TYPE, "interventional", "Interventional")));
        study.addCondition(new CodeableConcept()
                .setText(condition.en())
                .addCoding(new Coding(CodeSystems.SKS_DIAGNOSES, condition.sks(), condition.da())));
        study.addKeyword(new CodeableConcept().addCoding(new Coding(AREA, area.code(), area.departmentEn())));
        study.addFocus(new CodeableConcept().setText(intervention.en()));
        study.setPeriod(new Period()
                .setStartElement(new DateTimeType(
                        String.format("20%02d-%02d-01", 24 + random.nextInt(3), 1 + random.nextInt(12)))));
        var contactName = "Forsøgssygeplejerske " + pick(List.of(FIRST_NAMES)) + " " + pick(List.of(LAST_NAMES));
        study.addContact()
                .setName(contactName)
                .addTelecom(new ContactPoint()
                        .setSystem(ContactPoint.ContactPointSystem.PHONE)
                        .setValue(String.format(
                                "+45 %02d %02d %02d %02d",
                                30 + random.nextInt(60),
                                random.nextInt(100),
                                random.nextInt(100),
                                random.nextInt(100))))
                .addTelecom(new ContactPoint()
                        .setSystem(ContactPoint.ContactPointSystem.EMAIL)
                        .setValue("forsoeg-" + number + "@" + sponsor.slug() + ".example.dk"));
        sites.forEach(study::addSite);
        study.addContained(eligibility(phase, condition));
        study.addEnrollment(new Reference("#eligibility"));
        return study;
    }

    /**
     * The lay titles, English and Danish: what is tried for which condition ("Immunotherapy for lung cancer"); when
     * this generator already gave that title, the length of the programme, then the sponsor's hospital tell them
     * apart.
     */
    private String[] layTitles(
            DiseaseArea.Condition condition, DiseaseArea.Intervention intervention, int months, Hospital sponsor) {
        var english = capitalized(intervention.en()) + " for " + condition.en();
        var danish = capitalized(intervention.da()) + " ved " + condition.da();
        String[][] candidates = {
            {english, danish},
            {english + ", " + months + " months", danish + ", " + months + " måneder"},
            {english + " at " + sponsor.name(), danish + " på " + sponsor.name()},
            {
                english + ", " + months + " months at " + sponsor.name(),
                danish + ", " + months + " måneder på " + sponsor.name()
            }
        };
        for (var candidate : candidates) {
            if (usedTitles.add(candidate[1])) {
                return candidate;
            }
        }
        var last = candidates[candidates.length - 1];
        var number = 2;
        while (!usedTitles.add(last[1] + " (" + number + ")")) {
            number++;
        }
        return new String[] {last[0] + " (" + number + ")", last[1] + " (" + number + ")"};
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private Group eligibility(String phase, DiseaseArea.Condition condition) {
        var group = new Group().setType(Group.GroupType.PERSON).setActual(false);
        group.setId("eligibility");
        int minimum = random.nextInt(5) == 0 ? 40 : 18;
        var ages = new Range()
                .setLow(new Quantity()
                        .setValue(minimum)
                        .setSystem(CodeSystems.UCUM)
                        .setCode("a")
                        .setUnit("years"));
        if (random.nextInt(3) > 0) {
            ages.setHigh(new Quantity()
                    .setValue(65 + 5 * random.nextInt(4))
                    .setSystem(CodeSystems.UCUM)
                    .setCode("a")
                    .setUnit("years"));
        }
        group.addCharacteristic()
                .setExclude(false)
                .setValue(ages)
                .setCode(new CodeableConcept().addCoding(new Coding(CodeSystems.LOINC, "30525-0", "Age")));
        if (condition.sex() != null) {
            group.addCharacteristic()
                    .setExclude(false)
                    .setCode(new CodeableConcept().addCoding(new Coding(CodeSystems.SNOMED, "263495000", "Gender")))
                    .setValue(new CodeableConcept()
                            .addCoding(new Coding(CodeSystems.ADMINISTRATIVE_GENDER, condition.sex(), null)));
        }
        group.addCharacteristic()
                .setExclude(false)
                .setCode(new CodeableConcept()
                        .addCoding(new Coding(CodeSystems.ELIGIBILITY, "healthy-volunteers", null)))
                .setValue(new BooleanType("phase-1".equals(phase)));
        group.addExtension(
                Extensions.ELIGIBILITY_CRITERIA,
                new MarkdownType("Inclusion criteria:\n\n- Diagnosed with "
                        + condition.en() + "\n- Able to give informed consent\n\nExclusion criteria:\n\n- Pregnancy\n"
                        + "- Taking part in another trial"));
        return group;
    }

    private Reference addSite(Bundle bundle, Hospital hospital, DiseaseArea area) {
        var departmentKey = hospital.slug() + "." + area.code();
        var departmentUrl = urn();
        var department = new Organization()
                .setName(hospital.name() + ", " + area.departmentDa())
                .setActive(true);
        department.addIdentifier().setSystem(DEPARTMENT).setValue(departmentKey);
        department.addAlias(hospital.name() + ", " + area.departmentEn());
        department.addAddress(address(hospital));
        bundle.addEntry()
                .setFullUrl(departmentUrl)
                .setResource(department)
                .getRequest()
                .setMethod(Bundle.HTTPVerb.PUT)
                .setUrl("Organization?identifier=" + DEPARTMENT + "|" + departmentKey);
        var siteUrl = urn();
        var site = new Location()
                .setName(hospital.name() + ", " + area.departmentDa())
                .setStatus(Location.LocationStatus.ACTIVE)
                .setDescription(hospital.region())
                .setAddress(address(hospital))
                .setManagingOrganization(new Reference(departmentUrl));
        site.addIdentifier().setSystem(SITE).setValue(departmentKey);
        site.getPosition().setLatitude(hospital.latitude()).setLongitude(hospital.longitude());
        bundle.addEntry()
                .setFullUrl(siteUrl)
                .setResource(site)
                .getRequest()
                .setMethod(Bundle.HTTPVerb.PUT)
                .setUrl("Location?identifier=" + SITE + "|" + departmentKey);
        return new Reference(siteUrl);
    }

    private static Address address(Hospital hospital) {
        return new Address()
                .addLine(hospital.street())
                .setPostalCode(hospital.postalCode())
                .setCity(hospital.city())
                .setState(hospital.region())
                .setCountry("DK");
    }

    private static ResearchStudyStatus r4Status(String recruitment) {
        return switch (recruitment) {
            case "recruiting" -> ResearchStudyStatus.ACTIVE;
            case "not-yet-recruiting" -> ResearchStudyStatus.APPROVED;
            case "active-not-recruiting" -> ResearchStudyStatus.CLOSEDTOACCRUAL;
            default -> ResearchStudyStatus.COMPLETED;
        };
    }

    private static String protocol(int number) {
        return String.format("TRIALPORT-DEMO-%04d", number);
    }

    private String urn() {
        return "urn:uuid:" + new UUID(random.nextLong(), random.nextLong());
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
