package dk.trialport.registry;

import dk.trialport.fhir.TrialportFhir.TrialIdentifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Identifier.IdentifierUse;

/**
 * The identifiers of a merged trial: every registry's, each system and value once, in an order that does
 * not depend on which registry was imported last. An identifier goes only when the one record that listed
 * it no longer does.
 */
final class MergedIdentifiers {

    private static final List<String> SYSTEMS = List.of(
            TrialIdentifier.NCT,
            TrialIdentifier.EU_CT,
            TrialIdentifier.EUDRACT,
            TrialIdentifier.LOCAL_PROTOCOL,
            TrialIdentifier.ETHICS_COMMITTEE,
            TrialIdentifier.TRIALPORT);

    private MergedIdentifiers() {}

    static List<Identifier> of(
            List<Identifier> stored, List<Identifier> mapped, List<SourceRecord> records, RegistrySource source) {
        var own = records.stream().filter(r -> r.source() == source).findFirst().orElse(null);
        var others = records.stream().filter(r -> r.source() != source).toList();
        var all = new ArrayList<Identifier>();
        for (Identifier identifier : stored) {
            if (own == null || !own.lists(identifier) || others.stream().anyMatch(r -> r.lists(identifier))) {
                all.add(identifier);
            }
        }
        all.addAll(mapped);
        var bySystemAndValue = new LinkedHashMap<String, Identifier>();
        for (Identifier identifier : all) {
            bySystemAndValue.merge(
                    identifier.getSystem() + "|" + identifier.getValue(),
                    identifier,
                    (a, b) -> preference().compare(a, b) <= 0 ? a : b);
        }
        return bySystemAndValue.values().stream()
                .map(Identifier::copy)
                .sorted(order())
                .toList();
    }

    /** Official before usual, unstated and secondary; then the fuller description, compared as text. */
    private static Comparator<Identifier> preference() {
        return Comparator.comparingInt(MergedIdentifiers::useRank)
                .thenComparing(MergedIdentifiers::description, Comparator.reverseOrder());
    }

    private static Comparator<Identifier> order() {
        return Comparator.comparingInt((Identifier i) -> i.getUse() == IdentifierUse.OFFICIAL ? 0 : 1)
                .thenComparingInt(
                        i -> SYSTEMS.contains(i.getSystem()) ? SYSTEMS.indexOf(i.getSystem()) : SYSTEMS.size())
                .thenComparing(i -> Objects.toString(i.getSystem(), ""))
                .thenComparing(i -> Objects.toString(i.getValue(), ""));
    }

    private static int useRank(Identifier identifier) {
        if (!identifier.hasUse()) {
            return 2;
        }
        return switch (identifier.getUse()) {
            case OFFICIAL -> 0;
            case USUAL -> 1;
            case SECONDARY -> 3;
            default -> 4;
        };
    }

    private static String description(Identifier identifier) {
        return String.join(
                "\u001f",
                Objects.toString(identifier.getType().getText(), ""),
                Objects.toString(identifier.getAssigner().getDisplay(), ""),
                Objects.toString(identifier.getAssigner().getReference(), ""),
                identifier.getPeriod().hasStart()
                        ? identifier.getPeriod().getStartElement().getValueAsString()
                        : "");
    }
}
