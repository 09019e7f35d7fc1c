package dk.trialport.registry.ctis;

import static dk.trialport.registry.ctis.CtisTrial.text;

import dk.trialport.fhir.TrialportFhir.TrialIdentifier;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Identifier.IdentifierUse;

/** The trial's identifiers: the EU CT number, and the EudraCT number, NCT number and sponsor protocol code. */
final class CtisIdentifiers {

    /** {@code 2023-501234-12-00}: year, a serial starting with 5, a check number and a sequence. */
    static final Pattern EU_CT = Pattern.compile("\\d{4}-5\\d{5}-\\d{2}-\\d{2}");

    private static final Pattern EUDRACT = Pattern.compile("\\d{4}-\\d{6}-\\d{2}");
    private static final Pattern NCT = Pattern.compile("NCT\\d{8}");

    private CtisIdentifiers() {}

    static List<Identifier> of(CtisTrial trial) {
        var identifiers = new ArrayList<Identifier>();
        identifiers.add(new Identifier()
                .setUse(IdentifierUse.OFFICIAL)
                .setSystem(TrialIdentifier.EU_CT)
                .setValue(trial.ctNumber()));
        var secondary = trial.path("secondaryIdentifiers");
        var eudract = text(secondary, "eudractNumber");
        if (eudract != null && EUDRACT.matcher(eudract).matches()) {
            identifiers.add(new Identifier()
                    .setUse(IdentifierUse.SECONDARY)
                    .setSystem(TrialIdentifier.EUDRACT)
                    .setValue(eudract));
        }
        var nct = text(secondary, "nctNumber");
        if (nct != null && NCT.matcher(nct).matches()) {
            identifiers.add(new Identifier()
                    .setUse(IdentifierUse.SECONDARY)
                    .setSystem(TrialIdentifier.NCT)
                    .setValue(nct));
        }
        var protocol = text(secondary, "sponsorProtocolCode");
        if (protocol != null) {
            var identifier =
                    new Identifier().setSystem(TrialIdentifier.LOCAL_PROTOCOL).setValue(protocol);
            identifier.getType().setText("Sponsor protocol ID");
            var sponsor = CtisSponsor.name(trial);
            if (sponsor != null) {
                identifier.getAssigner().setDisplay(sponsor);
            }
            identifiers.add(identifier);
        }
        return identifiers;
    }
}
