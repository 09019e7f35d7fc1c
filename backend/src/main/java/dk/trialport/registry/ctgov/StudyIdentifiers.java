package dk.trialport.registry.ctgov;

import static dk.trialport.registry.ctgov.CtgovStudy.items;
import static dk.trialport.registry.ctgov.CtgovStudy.text;

import com.fasterxml.jackson.databind.JsonNode;
import dk.trialport.fhir.TrialportFhir.TrialIdentifier;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Identifier.IdentifierUse;

/**
 * The trial's identifiers: the NCT number, the sponsor's protocol id and the secondary ids, each
 * EU CT or EudraCT number recognised by its format, whatever the registrant called it.
 */
final class StudyIdentifiers {

    /** CTIS: {@code 2023-501234-12-00}; a three-part number whose serial starts with 5 is CTIS too. */
    private static final Pattern EU_CT = Pattern.compile("\\d{4}-5\\d{5}-\\d{2}(-\\d{2})?");

    private static final Pattern EUDRACT = Pattern.compile("\\d{4}-\\d{6}-\\d{2}");

    private StudyIdentifiers() {}

    static List<Identifier> of(CtgovStudy study) {
        var module = study.module("identificationModule");
        var identifiers = new ArrayList<Identifier>();
        identifiers.add(new Identifier()
                .setUse(IdentifierUse.OFFICIAL)
                .setSystem(TrialIdentifier.NCT)
                .setValue(study.nctId()));
        var protocolId = text(module.path("orgStudyIdInfo"), "id");
        if (protocolId != null) {
            var identifier =
                    new Identifier().setSystem(TrialIdentifier.LOCAL_PROTOCOL).setValue(protocolId);
            identifier.getType().setText("Sponsor protocol ID");
            var organization = text(module.path("organization"), "fullName");
            if (organization != null) {
                identifier.getAssigner().setDisplay(organization);
            }
            identifiers.add(identifier);
        }
        for (JsonNode secondary : items(module, "secondaryIdInfos")) {
            var identifier = secondary(secondary);
            if (identifier != null && identifiers.stream().noneMatch(i -> i.equalsDeep(identifier))) {
                identifiers.add(identifier);
            }
        }
        return identifiers;
    }

    private static Identifier secondary(JsonNode info) {
        var value = text(info, "id");
        if (value == null) {
            return null;
        }
        var identifier = new Identifier().setUse(IdentifierUse.SECONDARY).setValue(value);
        if (EU_CT.matcher(value).matches()) {
            return identifier.setSystem(TrialIdentifier.EU_CT);
        }
        if (EUDRACT.matcher(value).matches()) {
            return identifier.setSystem(TrialIdentifier.EUDRACT);
        }
        identifier.setSystem(TrialIdentifier.LOCAL_PROTOCOL);
        var domain = text(info, "domain");
        var type = text(info, "type");
        var typeText = domain != null ? domain : type == null ? null : StudyCodes.humanise(type);
        if (typeText != null) {
            identifier.getType().setText(typeText);
        }
        return identifier;
    }
}
