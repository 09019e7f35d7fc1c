package dk.trialport.registry.ctgov;

import static dk.trialport.registry.ctgov.CtgovStudy.items;
import static dk.trialport.registry.ctgov.CtgovStudy.text;
import static dk.trialport.registry.ctgov.CtgovStudy.texts;

import com.fasterxml.jackson.databind.JsonNode;
import dk.trialport.fhir.Eligibility;
import dk.trialport.fhir.TrialportFhir.Extensions;
import dk.trialport.registry.RegistryUpdate;
import dk.trialport.search.vocabulary.CodedCondition;
import java.util.LinkedHashSet;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.MarkdownType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.UnsignedIntType;

/** The ResearchStudy's own fields from a study record: everything but sponsor, sites and their contacts. */
final class StudyResource {

    private StudyResource() {}

    static ResearchStudy of(CtgovStudy study) {
        var identification = study.module("identificationModule");
        var status = study.module("statusModule");
        var research = new ResearchStudy();
        StudyIdentifiers.of(study).forEach(research::addIdentifier);
        var briefTitle = text(identification, "briefTitle");
        var officialTitle = text(identification, "officialTitle");
        research.setTitle(officialTitle != null ? officialTitle : briefTitle);
        label(research, "plain-language", "Plain language title", briefTitle);
        label(research, "acronym", "Acronym", text(identification, "acronym"));
        descriptions(research, study.module("descriptionModule"));
        var overall = text(status, "overallStatus");
        research.setStatus(StudyCodes.status(overall, text(status, "lastKnownStatus")));
        var recruitment = StudyCodes.recruitmentStatus(overall);
        if (recruitment != null) {
            research.addExtension(Extensions.RECRUITMENT_STATUS, recruitment);
        }
        design(research, study.module("designModule"));
        Conditions.of(study).forEach(research::addCondition);
        if (!research.hasCondition()) {
            research.addCondition(new CodeableConcept().setText(CodedCondition.NOT_CLASSIFIED));
        }
        texts(study.module("conditionsModule"), "keywords").stream()
                .distinct()
                .forEach(keyword -> research.addKeyword(new CodeableConcept().setText(keyword)));
        arms(research, study.module("armsInterventionsModule"));
        period(research, status);
        RegistryUpdate.mark(research, lastUpdate(status));
        for (JsonNode json : items(study.module("contactsLocationsModule"), "centralContacts")) {
            var contact = research.addContact().setName(text(json, "name")).setTelecom(Telecoms.of(json));
            if (contact.isEmpty()) {
                research.getContact().remove(contact);
            }
        }
        var eligibility = eligibility(study.module("eligibilityModule"));
        if (eligibility != null) {
            research.addContained(eligibility);
            research.addEnrollment(new Reference("#" + Eligibility.ID));
        }
        enrollment(research, study.module("designModule").path("enrollmentInfo"), eligibility != null);
        return research;
    }

    private static void label(ResearchStudy research, String code, String display, String value) {
        if (value != null) {
            var label = research.addExtension().setUrl(Extensions.LABEL);
            label.addExtension(
                    "type", new CodeableConcept().addCoding(new Coding(CtgovSystems.TITLE_TYPE, code, display)));
            label.addExtension("value", new StringType(value));
        }
    }

    private static void descriptions(ResearchStudy research, JsonNode module) {
        var summary = text(module, "briefSummary");
        var detailed = text(module, "detailedDescription");
        if (detailed != null || summary != null) {
            research.setDescription(detailed != null ? detailed : summary);
        }
        if (summary != null) {
            research.addExtension(Extensions.DESCRIPTION_SUMMARY, new MarkdownType(summary));
        }
    }

    private static void design(ResearchStudy research, JsonNode module) {
        var phase = StudyCodes.phase(texts(module, "phases"));
        if (phase != null) {
            research.setPhase(new CodeableConcept().addCoding(phase));
        }
        var type = StudyCodes.studyType(text(module, "studyType"));
        if (type != null) {
            research.addCategory(new CodeableConcept().addCoding(type));
        }
    }

    private static void arms(ResearchStudy research, JsonNode module) {
        var interventions = new LinkedHashSet<String>();
        for (JsonNode intervention : items(module, "interventions")) {
            var name = text(intervention, "name");
            if (name != null && interventions.add(name)) {
                research.addFocus(new CodeableConcept().setText(name));
            }
        }
        for (JsonNode group : items(module, "armGroups")) {
            var name = text(group, "label");
            if (name != null) {
                var arm = research.addArm().setName(name).setDescription(text(group, "description"));
                var type = text(group, "type");
                if (type != null) {
                    arm.setType(new CodeableConcept().setText(StudyCodes.humanise(type)));
                }
            }
        }
    }

    private static void period(ResearchStudy research, JsonNode status) {
        var start = date(text(status.path("startDateStruct"), "date"));
        var end = date(text(status.path("completionDateStruct"), "date"));
        if (start != null) {
            research.getPeriod().setStartElement(new DateTimeType(start));
        }
        if (end != null && (start == null || !endsBeforeStart(start, end))) {
            research.getPeriod().setEndElement(new DateTimeType(end));
        }
    }

    /** Compared at each date's first day, as the validator's per-1 does: 2021-05 ends before 2021-05-12. */
    private static boolean endsBeforeStart(String start, String end) {
        return firstDay(end).compareTo(firstDay(start)) < 0;
    }

    private static String firstDay(String date) {
        return date + "-01-01".substring(date.length() - 4);
    }

    private static String date(String value) {
        return value != null && value.matches("\\d{4}(-\\d{2}(-\\d{2})?)?") ? value : null;
    }

    /** R5 recruitment: targetNumber for an estimated enrolment, actualNumber for an actual one. */
    private static void enrollment(ResearchStudy research, JsonNode info, boolean hasEligibility) {
        var recruitment = new Extension(Extensions.RECRUITMENT);
        var count = info.path("count");
        var type = text(info, "type");
        if (count.canConvertToInt() && count.intValue() >= 0 && ("ESTIMATED".equals(type) || "ACTUAL".equals(type))) {
            recruitment.addExtension(
                    "ESTIMATED".equals(type) ? "targetNumber" : "actualNumber", new UnsignedIntType(count.intValue()));
        }
        if (hasEligibility) {
            recruitment.addExtension("eligibility", new Reference("#" + Eligibility.ID));
        }
        if (recruitment.hasExtension()) {
            research.addExtension(recruitment);
        }
    }

    /** The Group, or null when the registry gives no eligibility at all. */
    private static Group eligibility(JsonNode module) {
        var healthy = module.path("healthyVolunteers");
        return Eligibility.group(
                Eligibility.ageRange(text(module, "minimumAge"), text(module, "maximumAge")),
                Eligibility.sex(text(module, "sex")),
                healthy.isBoolean() ? healthy.booleanValue() : null,
                text(module, "eligibilityCriteria"));
    }

    /** When ClinicalTrials.gov last posted a change of the record (or, lacking that, when one was submitted). */
    private static String lastUpdate(JsonNode status) {
        var posted = text(status.path("lastUpdatePostDateStruct"), "date");
        return posted != null ? posted : text(status, "lastUpdateSubmitDate");
    }
}
