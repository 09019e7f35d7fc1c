package dk.trialport.registry.ctis;

import static dk.trialport.registry.ctis.CtisTrial.items;
import static dk.trialport.registry.ctis.CtisTrial.text;
import static dk.trialport.registry.ctis.CtisTrial.texts;

import com.fasterxml.jackson.databind.JsonNode;
import dk.trialport.fhir.Eligibility;
import dk.trialport.fhir.TrialportFhir.CodeSystems;
import dk.trialport.fhir.TrialportFhir.Extensions;
import dk.trialport.registry.CountryCodes;
import dk.trialport.registry.RegistryUpdate;
import dk.trialport.registry.ctgov.CtgovSystems;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.hl7.fhir.r4.model.StringType;

/** The ResearchStudy's own fields from a CTIS record: everything but sponsor and sites. */
final class CtisStudyResource {

    private CtisStudyResource() {}

    static ResearchStudy of(CtisTrial trial) {
        var research = new ResearchStudy();
        CtisIdentifiers.of(trial).forEach(research::addIdentifier);
        var shortTitle = trial.text("shortTitle");
        research.setTitle(trial.text("title") != null ? trial.text("title") : shortTitle);
        label(research, shortTitle, trial.path("shortTitleTranslations"));
        research.setDescription(trial.text("mainObjective"));
        var status = CtisCodes.status(trial.text("status"));
        research.setStatus(status.status());
        research.addExtension(
                Extensions.RECRUITMENT_STATUS,
                new Coding(CodeSystems.RECRUITMENT_STATUS, status.recruitment(), status.display()));
        var phase = CtisCodes.phase(trial.text("phase"));
        if (phase != null) {
            research.setPhase(new CodeableConcept().addCoding(phase));
        }
        research.addCategory(new CodeableConcept()
                .addCoding(new Coding(CodeSystems.STUDY_TYPE, "interventional", "Interventional")));
        for (JsonNode condition : items(trial.json(), "medicalConditions")) {
            research.addCondition(condition(condition));
        }
        texts(trial.json(), "therapeuticAreas")
                .forEach(area -> research.addKeyword(new CodeableConcept().setText(area)));
        period(research, trial.text("startDate"), trial.text("endDate"));
        RegistryUpdate.mark(research, trial.text("lastUpdated"));
        contact(research, trial.path("contactPoint"));
        for (String state : texts(trial.json(), "memberStatesConcerned")) {
            var iso = iso(state);
            research.addLocation(
                    iso == null
                            ? new CodeableConcept().setText(state)
                            : new CodeableConcept().addCoding(new Coding(CtisSystems.COUNTRY, iso, state)));
        }
        eligibility(research, trial);
        return research;
    }

    /** An ISO 3166 code given as such ("DK") or as an English name ("Denmark"); null if unknown. */
    static String iso(String country) {
        if (country != null && country.matches("[A-Z]{2}")) {
            return country;
        }
        return CountryCodes.iso(country);
    }

    private static void label(ResearchStudy research, String shortTitle, JsonNode translations) {
        if (shortTitle == null) {
            return;
        }
        var label = research.addExtension().setUrl(Extensions.LABEL);
        label.addExtension(
                "type",
                new CodeableConcept()
                        .addCoding(new Coding(CtgovSystems.TITLE_TYPE, "plain-language", "Plain language title")));
        var value = new StringType(shortTitle);
        var sorted = new TreeMap<String, String>();
        translations
                .properties()
                .forEach(entry -> sorted.put(
                        entry.getKey().toLowerCase(Locale.ROOT),
                        entry.getValue().asText()));
        for (Map.Entry<String, String> translation : sorted.entrySet()) {
            if (!translation.getValue().isBlank()) {
                var extension = value.addExtension().setUrl(Extensions.TRANSLATION);
                extension.addExtension("lang", new CodeType(translation.getKey()));
                extension.addExtension(
                        "content", new StringType(translation.getValue().strip()));
            }
        }
        label.addExtension("value", value);
    }

    /** A condition as CTIS names it, with its MedDRA code where given; a plain string is just the name. */
    private static CodeableConcept condition(JsonNode condition) {
        if (condition.isValueNode()) {
            return new CodeableConcept().setText(condition.asText().strip());
        }
        var concept = new CodeableConcept().setText(text(condition, "name"));
        var code = text(condition.path("meddra"), "code");
        if (code != null) {
            concept.addCoding(new Coding(CtisSystems.MEDDRA, code, text(condition.path("meddra"), "term")));
        }
        return concept;
    }

    private static void period(ResearchStudy research, String start, String end) {
        if (start != null && start.matches("\\d{4}(-\\d{2}(-\\d{2})?)?")) {
            research.getPeriod().setStartElement(new DateTimeType(start));
        }
        if (end != null && end.matches("\\d{4}(-\\d{2}(-\\d{2})?)?") && (start == null || end.compareTo(start) >= 0)) {
            research.getPeriod().setEndElement(new DateTimeType(end));
        }
    }

    private static void contact(ResearchStudy research, JsonNode json) {
        var contact = research.addContact().setName(text(json, "name"));
        if (text(json, "phone") != null) {
            contact.addTelecom()
                    .setSystem(ContactPoint.ContactPointSystem.PHONE)
                    .setValue(text(json, "phone"));
        }
        if (text(json, "email") != null) {
            contact.addTelecom()
                    .setSystem(ContactPoint.ContactPointSystem.EMAIL)
                    .setValue(text(json, "email"));
        }
        if (contact.isEmpty()) {
            research.getContact().remove(contact);
        }
    }

    private static void eligibility(ResearchStudy research, CtisTrial trial) {
        var healthy = trial.path("healthyVolunteers");
        var group = Eligibility.group(
                CtisCodes.ages(trial.text("minAge"), trial.text("maxAge"), texts(trial.json(), "ageGroups")),
                CtisCodes.gender(texts(trial.json(), "gender")),
                healthy.isBoolean() ? healthy.booleanValue() : null,
                criteria(texts(trial.json(), "inclusionCriteria"), texts(trial.json(), "exclusionCriteria")));
        if (group != null) {
            research.addContained(group);
            research.addEnrollment(new Reference("#" + Eligibility.ID));
            var recruitment = new Extension(Extensions.RECRUITMENT);
            recruitment.addExtension("eligibility", new Reference("#" + Eligibility.ID));
            research.addExtension(recruitment);
        }
    }

    /** The criteria lists as markdown, in the shape ClinicalTrials.gov's text has. */
    private static String criteria(java.util.List<String> inclusion, java.util.List<String> exclusion) {
        if (inclusion.isEmpty() && exclusion.isEmpty()) {
            return null;
        }
        var text = new StringBuilder();
        if (!inclusion.isEmpty()) {
            text.append("Inclusion Criteria:\n\n");
            inclusion.forEach(line -> text.append("* ").append(line).append('\n'));
        }
        if (!exclusion.isEmpty()) {
            text.append(text.isEmpty() ? "" : "\n").append("Exclusion Criteria:\n\n");
            exclusion.forEach(line -> text.append("* ").append(line).append('\n'));
        }
        return text.toString().strip();
    }
}
