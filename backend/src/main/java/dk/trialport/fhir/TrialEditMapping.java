package dk.trialport.fhir;

import dk.trialport.catalogue.TrialEdit;
import dk.trialport.catalogue.TrialEdit.Contact;
import dk.trialport.catalogue.TrialEdit.NewSite;
import dk.trialport.catalogue.TrialEdit.Stage;
import dk.trialport.fhir.TrialportFhir.CodeSystems;
import dk.trialport.fhir.TrialportFhir.Extensions;
import dk.trialport.fhir.TrialportFhir.TrialIdentifier;
import dk.trialport.search.vocabulary.Code;
import dk.trialport.search.vocabulary.CodedCondition;
import dk.trialport.search.vocabulary.ConditionVocabulary;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactDetail;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.ContactPoint.ContactPointSystem;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.MarkdownType;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.hl7.fhir.r4.model.ResearchStudy.ResearchStudyStatus;
import org.hl7.fhir.r4.model.StringType;

/**
 * Maps the workspace's {@link TrialEdit} onto a ResearchStudy the way the demo generator and the registry
 * importers write trials (the R5 label and descriptionSummary extensions with HL7 translations, a contained
 * eligibility Group, Trialport's recruitment status), keeping every element the form does not edit; and back.
 */
final class TrialEditMapping {

    static final String INCLUSION = "Inclusion criteria:";
    static final String EXCLUSION = "Exclusion criteria:";
    private static final Set<String> EDITED_IDENTIFIERS =
            Set.of(TrialIdentifier.EU_CT, TrialIdentifier.NCT, TrialIdentifier.LOCAL_PROTOCOL);

    private TrialEditMapping() {}

    static void apply(TrialEdit edit, ResearchStudy study, List<Reference> sites, ConditionVocabulary vocabulary) {
        study.setTitleElement(translated(new StringType(edit.titleEn()), edit.titleDa()));
        study.setDescriptionElement(
                edit.summaryEn() == null && edit.summaryDa() == null
                        ? null
                        : translated(new MarkdownType(edit.summaryEn()), edit.summaryDa()));
        study.getExtension()
                .removeIf(e -> Extensions.LABEL.equals(e.getUrl())
                        || Extensions.DESCRIPTION_SUMMARY.equals(e.getUrl())
                        || Extensions.RECRUITMENT_STATUS.equals(e.getUrl()));
        if (edit.layTitleDa() != null || edit.layTitleEn() != null) {
            var label = Labels.plainLanguage("", "");
            label.setExtension(List.of(
                    label.getExtensionByUrl("type"),
                    new Extension("value", translated(new StringType(edit.layTitleEn()), edit.layTitleDa()))));
            study.addExtension(label);
        }
        if (edit.laySummaryDa() != null || edit.laySummaryEn() != null) {
            study.addExtension(new Extension(
                    Extensions.DESCRIPTION_SUMMARY,
                    translated(new MarkdownType(edit.laySummaryEn()), edit.laySummaryDa())));
        }
        var status = switch (edit.stage()) {
            case DRAFT -> ResearchStudyStatus.INREVIEW;
            case PUBLISHED -> ResearchStudyStatus.ACTIVE;
            case CLOSED -> ResearchStudyStatus.CLOSEDTOACCRUAL;
        };
        study.setStatus(status);
        if (edit.stage() != Stage.DRAFT) {
            study.addExtension(new Extension(
                    Extensions.RECRUITMENT_STATUS,
                    new Coding(
                            CodeSystems.RECRUITMENT_STATUS,
                            edit.stage() == Stage.PUBLISHED ? "recruiting" : "active-not-recruiting",
                            null)));
        }
        study.setCondition(edit.conditions().stream()
                .flatMap(id -> vocabulary.concept(id).stream())
                .map(concept -> {
                    var coded = new CodeableConcept()
                            .setText(concept.label(java.util.Locale.ENGLISH))
                            .addCoding(new Coding(
                                    CodeSystems.CONDITION_CONCEPT,
                                    concept.id(),
                                    concept.label(java.util.Locale.ENGLISH)));
                    concept.snomedCodes().forEach(code -> coded.addCoding(new Coding(CodeSystems.SNOMED, code, null)));
                    concept.meshIds().forEach(code -> coded.addCoding(new Coding(CodeSystems.MESH, code, null)));
                    return coded;
                })
                .toList());
        eligibility(edit, study);
        study.setSite(sites);
        study.setContact(edit.contacts().stream().map(TrialEditMapping::contact).toList());
        study.getIdentifier().removeIf(identifier -> EDITED_IDENTIFIERS.contains(identifier.getSystem()));
        identifier(study, TrialIdentifier.EU_CT, edit.euCtNumber());
        identifier(study, TrialIdentifier.NCT, edit.nctNumber());
        identifier(study, TrialIdentifier.LOCAL_PROTOCOL, edit.localProtocol());
    }

    /** The contained eligibility Group as the ClinicalTrials.gov mapper writes it, in place of the old one. */
    private static void eligibility(TrialEdit edit, ResearchStudy study) {
        var old = TrialProjector.eligibilityGroup(study);
        if (old != null) {
            study.getContained().remove(old);
        }
        var ages = Eligibility.ageRange(
                edit.minimumAge() == null ? null : edit.minimumAge() + " years",
                edit.maximumAge() == null ? null : edit.maximumAge() + " years");
        var group = Eligibility.group(
                ages,
                Eligibility.sex(edit.sex()),
                edit.healthyVolunteers(),
                criteria(edit.inclusion(), edit.exclusion()));
        study.setEnrollment(new ArrayList<>());
        if (group != null) {
            study.addContained(group);
            study.addEnrollment(new Reference("#" + Eligibility.ID));
        }
    }

    /** The criteria as markdown lists under the headings the registries use; null when there are none. */
    static String criteria(String inclusion, String exclusion) {
        if (inclusion == null && exclusion == null) {
            return null;
        }
        var text = new StringBuilder();
        if (inclusion != null) {
            text.append(INCLUSION).append("\n\n").append(list(inclusion));
        }
        if (exclusion != null) {
            text.append(text.isEmpty() ? "" : "\n\n")
                    .append(EXCLUSION)
                    .append("\n\n")
                    .append(list(exclusion));
        }
        return text.toString();
    }

    private static String list(String lines) {
        var items = new ArrayList<String>();
        for (var line : lines.strip().split("\\R")) {
            var item = line.strip().replaceFirst("^[-*]\\s*", "");
            if (!item.isEmpty()) {
                items.add("- " + item);
            }
        }
        return String.join("\n", items);
    }

    /** Inclusion and exclusion criteria back from the markdown this mapping (or another writer) made. */
    static String[] splitCriteria(String markdown) {
        if (markdown == null) {
            return new String[] {null, null};
        }
        var at = markdown.indexOf(EXCLUSION);
        var inclusion = (at < 0 ? markdown : markdown.substring(0, at)).replace(INCLUSION, "");
        var exclusion = at < 0 ? "" : markdown.substring(at + EXCLUSION.length());
        return new String[] {unlist(inclusion), unlist(exclusion)};
    }

    private static String unlist(String markdown) {
        var lines = markdown.strip()
                .lines()
                .map(line -> line.strip().replaceFirst("^[-*]\\s+", ""))
                .filter(line -> !line.isEmpty())
                .toList();
        return lines.isEmpty() ? null : String.join("\n", lines);
    }

    /** The condition vocabulary concepts of a trial's conditions: Trialport's own coding, else by code and name. */
    static List<String> concepts(ResearchStudy study, ConditionVocabulary vocabulary) {
        var ids = new LinkedHashSet<String>();
        for (var condition : study.getCondition()) {
            var own = condition.getCoding().stream()
                    .filter(c -> CodeSystems.CONDITION_CONCEPT.equals(c.getSystem()))
                    .map(Coding::getCode)
                    .toList();
            if (!own.isEmpty()) {
                ids.addAll(own);
            } else {
                ids.addAll(vocabulary.matched(List.of(new CodedCondition(
                        condition.getText(),
                        condition.getCoding().stream()
                                .map(c -> new Code(c.getSystem(), c.getCode()))
                                .toList()))));
            }
        }
        return List.copyOf(ids);
    }

    static Organization department(NewSite site) {
        var department = new Organization().setName(site.name()).setActive(true);
        department.addAddress(address(site));
        return department;
    }

    static Location location(NewSite site, String departmentUrl) {
        var location = new Location()
                .setName(site.name())
                .setStatus(Location.LocationStatus.ACTIVE)
                .setAddress(address(site))
                .setManagingOrganization(new Reference(departmentUrl).setDisplay(site.name()));
        if (site.region() != null) {
            location.setDescription(site.region());
        }
        if (site.latitude() != null && site.longitude() != null) {
            location.getPosition().setLatitude(site.latitude()).setLongitude(site.longitude());
        }
        return location;
    }

    private static Address address(NewSite site) {
        return new Address()
                .addLine(site.line())
                .setPostalCode(site.postalCode())
                .setCity(site.city())
                .setState(site.region())
                .setCountry("DK");
    }

    private static ContactDetail contact(Contact contact) {
        var detail = new ContactDetail().setName(contact.name());
        if (contact.phone() != null) {
            detail.addTelecom(
                    new ContactPoint().setSystem(ContactPointSystem.PHONE).setValue(contact.phone()));
        }
        if (contact.email() != null) {
            detail.addTelecom(
                    new ContactPoint().setSystem(ContactPointSystem.EMAIL).setValue(contact.email()));
        }
        return detail;
    }

    static Contact contact(ContactDetail detail) {
        return new Contact(
                detail.getName(), telecom(detail, ContactPointSystem.PHONE), telecom(detail, ContactPointSystem.EMAIL));
    }

    private static String telecom(ContactDetail detail, ContactPointSystem system) {
        return detail.getTelecom().stream()
                .filter(t -> t.getSystem() == system)
                .map(ContactPoint::getValue)
                .findFirst()
                .orElse(null);
    }

    private static void identifier(ResearchStudy study, String system, String value) {
        if (value != null) {
            study.addIdentifier().setSystem(system).setValue(value);
        }
    }

    static String identifier(ResearchStudy study, String system) {
        return study.getIdentifier().stream()
                .filter(i -> system.equals(i.getSystem()))
                .map(i -> i.getValue())
                .findFirst()
                .orElse(null);
    }

    /** A primitive in English with its Danish translation; either may be missing. */
    private static <T extends PrimitiveType<?>> T translated(T english, String danish) {
        if (danish != null) {
            english.addExtension(Labels.translation("da", danish));
        }
        return english;
    }

    /** The Danish translation of an element, or null. */
    static String danish(org.hl7.fhir.r4.model.Element element) {
        if (element == null) {
            return null;
        }
        for (var translation : element.getExtensionsByUrl(Extensions.TRANSLATION)) {
            var lang = translation.getExtensionByUrl("lang");
            var content = translation.getExtensionByUrl("content");
            if (lang != null && content != null && "da".equals(lang.getValue().primitiveValue())) {
                return content.getValue().primitiveValue();
            }
        }
        return null;
    }
}
