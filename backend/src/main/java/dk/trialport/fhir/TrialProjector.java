package dk.trialport.fhir;

import dk.trialport.catalogue.Trial;
import dk.trialport.catalogue.VersionStamp;
import dk.trialport.fhir.TrialportFhir.CodeSystems;
import dk.trialport.fhir.TrialportFhir.Extensions;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Element;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Range;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.springframework.stereotype.Component;

/** Reads the typed {@link Trial} projection out of a ResearchStudy. */
@Component
public class TrialProjector {

    public Trial project(ResearchStudy study, VersionStamp stamp) {
        var eligibility = eligibilityGroup(study);
        var age = eligibility == null ? null : characteristic(eligibility, CodeSystems.LOINC, "30525-0");
        var ageRange = age != null && age.getValue() instanceof Range range ? range : null;
        var sex = eligibility == null ? null : characteristic(eligibility, CodeSystems.SNOMED, "263495000");
        var healthy =
                eligibility == null ? null : characteristic(eligibility, CodeSystems.ELIGIBILITY, "healthy-volunteers");
        var label = firstLabel(study);
        return new Trial(
                stamp.id(),
                stamp.version(),
                stamp.lastUpdated(),
                study.getTitle(),
                translation(label, "da", null),
                label == null ? null : translation(label, "en", label.getValue()),
                translation(summary(study), "da", null),
                summary(study) == null
                        ? null
                        : translation(summary(study), "en", summary(study).primitiveValue()),
                study.hasStatus() ? study.getStatus().toCode() : null,
                recruitmentStatus(study),
                study.getPhase().getCoding().stream().map(Coding::getCode).toList(),
                study.getCondition().stream().map(TrialProjector::condition).toList(),
                study.getFocus().stream()
                        .map(CodeableConcept::getText)
                        .filter(t -> t != null)
                        .toList(),
                study.getKeyword().stream()
                        .map(CodeableConcept::getText)
                        .filter(t -> t != null)
                        .toList(),
                ageRange != null && ageRange.hasLow() ? years(ageRange.getLow()) : null,
                ageRange != null && ageRange.hasHigh() ? years(ageRange.getHigh()) : null,
                sex != null && sex.getValue() instanceof CodeableConcept concept && concept.hasCoding()
                        ? concept.getCodingFirstRep().getCode()
                        : null,
                healthy != null && healthy.getValue() instanceof BooleanType accepted ? accepted.getValue() : null,
                study.getCategory().stream()
                        .flatMap(c -> c.getCoding().stream())
                        .filter(c -> CodeSystems.STUDY_TYPE.equals(c.getSystem()))
                        .map(Coding::getCode)
                        .findFirst()
                        .orElse(null),
                study.getSponsor().getDisplay() != null
                        ? study.getSponsor().getDisplay()
                        : study.getSponsor().getReference(),
                study.getIdentifier().stream()
                        .map(i -> new Trial.Identifier(i.getSystem(), i.getValue()))
                        .toList(),
                study.getSite().stream()
                        .map(site -> site.getReferenceElement().getIdPart())
                        .filter(id -> id != null)
                        .toList(),
                decentralized(study),
                study.getPeriod().hasStart()
                        ? study.getPeriod().getStartElement().getValueAsString()
                        : null,
                study.getPeriod().hasStart() ? study.getPeriod().getStart().toInstant() : null,
                study.getPeriod().hasEnd() ? endOf(study.getPeriod().getEndElement()) : null,
                latestOfSourceRecords(study, "updated"),
                latestOfSourceRecords(study, "imported"));
    }

    /** The latest of a time ({@code updated}, {@code imported}) over the trial's registry source records; or null. */
    private static java.time.Instant latestOfSourceRecords(ResearchStudy study, String time) {
        return study.getExtensionsByUrl(Extensions.SOURCE_RECORD).stream()
                .map(record -> record.getExtensionByUrl(time))
                .filter(e -> e != null && e.getValue() instanceof org.hl7.fhir.r4.model.DateTimeType)
                .map(e -> ((org.hl7.fhir.r4.model.DateTimeType) e.getValue()).getValue())
                .filter(date -> date != null)
                .map(java.util.Date::toInstant)
                .max(java.util.Comparator.naturalOrder())
                .orElse(null);
    }

    /** The first instant after a date at its precision: 2027-06 ends at 2027-07-01. */
    private static java.time.Instant endOf(org.hl7.fhir.r4.model.DateTimeType end) {
        return end.getPrecision().add(end.getValue(), 1).toInstant();
    }

    private static Boolean decentralized(ResearchStudy study) {
        var extension = first(study, Extensions.DECENTRALIZED);
        return extension != null && extension.getValue() instanceof BooleanType value ? value.getValue() : null;
    }

    private static Trial.Condition condition(CodeableConcept concept) {
        var text = concept.hasText()
                ? concept.getText()
                : concept.getCodingFirstRep().getDisplay();
        return new Trial.Condition(
                text,
                concept.getCoding().stream()
                        .map(c -> new Trial.Code(c.getSystem(), c.getCode(), c.getDisplay()))
                        .toList());
    }

    private static String recruitmentStatus(ResearchStudy study) {
        var extension = first(study, Extensions.RECRUITMENT_STATUS);
        if (extension != null && extension.getValue() instanceof Coding coding) {
            return coding.getCode();
        }
        if (extension != null && extension.getValue() instanceof CodeableConcept concept) {
            return concept.getCodingFirstRep().getCode();
        }
        return null;
    }

    /** The plain-language label when there is one, else the first label. */
    private static StringType firstLabel(ResearchStudy study) {
        StringType first = null;
        for (var label : study.getExtensionsByUrl(Extensions.LABEL)) {
            var value = first(label, "value");
            var type = first(label, "type");
            if (value == null || !(value.getValue() instanceof StringType text)) {
                continue;
            }
            if (type != null
                    && type.getValue() instanceof CodeableConcept concept
                    && concept.getCoding().stream().anyMatch(c -> "plain-language".equals(c.getCode()))) {
                return text;
            }
            first = first == null ? text : first;
        }
        return first;
    }

    private static Extension first(Element element, String url) {
        var found = element.getExtensionsByUrl(url);
        return found.isEmpty() ? null : found.get(0);
    }

    private static Extension first(org.hl7.fhir.r4.model.DomainResource resource, String url) {
        var found = resource.getExtensionsByUrl(url);
        return found.isEmpty() ? null : found.get(0);
    }

    private static org.hl7.fhir.r4.model.PrimitiveType<?> summary(ResearchStudy study) {
        var extension = first(study, Extensions.DESCRIPTION_SUMMARY);
        return extension != null && extension.getValue() instanceof org.hl7.fhir.r4.model.PrimitiveType<?> text
                ? text
                : null;
    }

    /** The {@code lang} translation of a string element; {@code fallback} when it has none. */
    private static String translation(Element element, String lang, String fallback) {
        if (element == null) {
            return fallback;
        }
        for (Extension translation : element.getExtensionsByUrl(Extensions.TRANSLATION)) {
            var language = first(translation, "lang");
            var content = first(translation, "content");
            if (language != null
                    && content != null
                    && lang.equals(language.getValue().primitiveValue())) {
                return content.getValue().primitiveValue();
            }
        }
        return fallback;
    }

    /** The trial's eligibility group: a resolved or contained enrollment reference, or null. */
    static Group eligibilityGroup(ResearchStudy study) {
        for (var reference : study.getEnrollment()) {
            if (reference.getResource() instanceof Group group) {
                return group;
            }
            var local = reference.getReference();
            if (local != null && local.startsWith("#")) {
                for (Resource contained : study.getContained()) {
                    if (contained instanceof Group group
                            && local.substring(1).equals(group.getIdElement().getIdPart())) {
                        return group;
                    }
                }
            }
        }
        return null;
    }

    static Group.GroupCharacteristicComponent characteristic(Group group, String system, String code) {
        return group.getCharacteristic().stream()
                .filter(c -> c.getCode().getCoding().stream()
                        .anyMatch(coding -> system.equals(coding.getSystem()) && code.equals(coding.getCode())))
                .findFirst()
                .orElse(null);
    }

    private static Double years(Quantity quantity) {
        var value = quantity.getValue().doubleValue();
        return switch (quantity.hasCode() ? quantity.getCode() : "a") {
            case "mo" -> value / 12;
            case "wk" -> value / 52.1775;
            case "d" -> value / 365.25;
            case "h" -> value / 8766;
            case "min" -> value / 525960;
            default -> value;
        };
    }
}
