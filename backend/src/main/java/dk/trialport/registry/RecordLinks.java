package dk.trialport.registry;

import ca.uhn.fhir.context.FhirContext;
import dk.trialport.catalogue.CatalogueStore;
import dk.trialport.fhir.TrialportFhir.TrialIdentifier;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the trial a registry record belongs to: the one carrying the record's own number, else a trial
 * from another registry that carries one of the record's registry numbers (NCT, EU CT, EudraCT; the first
 * match in that order). A trial that already has a different record of the same registry is never linked:
 * a registry's two records are two trials.
 */
final class RecordLinks {

    private static final Logger log = LoggerFactory.getLogger(RecordLinks.class);
    private static final List<String> REGISTRY_NUMBERS =
            List.of(TrialIdentifier.NCT, TrialIdentifier.EU_CT, TrialIdentifier.EUDRACT);

    /** The trial a record updates, and the conditional URL that names it by an identifier it already has. */
    record Target(String id, String url) {}

    private final CatalogueStore store;
    private final FhirContext context;

    RecordLinks(CatalogueStore store, FhirContext context) {
        this.store = store;
        this.context = context;
    }

    /** The trial to update, or null when the record is a new trial. */
    Target target(RegistrySource source, ResearchStudy mapped, String number) {
        var own = ids(source.system(), number);
        if (own.size() > 1) {
            throw new IllegalStateException(number + " identifies " + own.size() + " trials");
        }
        if (own.size() == 1) {
            return new Target(own.get(0), url(own.get(0), mapped, source));
        }
        var candidates = new LinkedHashSet<String>();
        for (String system : REGISTRY_NUMBERS) {
            for (Identifier identifier : mapped.getIdentifier()) {
                if (system.equals(identifier.getSystem()) && !system.equals(source.system())) {
                    ids(system, identifier.getValue()).stream()
                            .filter(id -> linkable(id, source))
                            .forEach(candidates::add);
                }
            }
        }
        if (candidates.isEmpty()) {
            return null;
        }
        var id = candidates.iterator().next();
        if (candidates.size() > 1) {
            log.info(
                    "{} record {} matches {} trials; merged into ResearchStudy/{}",
                    source.code(),
                    number,
                    candidates.size(),
                    id);
        }
        return new Target(id, url(id, mapped, source));
    }

    /** An imported trial of another registry without a record of this one. */
    private boolean linkable(String id, RegistrySource source) {
        var stored = store.read("ResearchStudy", id).block();
        var study = context.newJsonParser().parseResource(ResearchStudy.class, stored.body());
        var records = SourceRecord.of(study, List.of());
        return !records.isEmpty() && records.stream().noneMatch(record -> record.source() == source);
    }

    /** {@code ResearchStudy?identifier=…} with the first of the record's registry numbers naming only this trial. */
    private String url(String id, ResearchStudy mapped, RegistrySource source) {
        var systems = new ArrayList<String>();
        systems.add(source.system());
        REGISTRY_NUMBERS.stream()
                .filter(system -> !system.equals(source.system()))
                .forEach(systems::add);
        for (String system : systems) {
            for (Identifier identifier : mapped.getIdentifier()) {
                if (!system.equals(identifier.getSystem())) {
                    continue;
                }
                for (String value : spellings(system, identifier.getValue())) {
                    if (store.idsByIdentifier("ResearchStudy", system, value)
                            .collectList()
                            .block()
                            .equals(List.of(id))) {
                        return ImportKeys.conditionalUrl("ResearchStudy", system, value);
                    }
                }
            }
        }
        return "ResearchStudy?_id=" + id;
    }

    private List<String> ids(String system, String value) {
        var ids = new LinkedHashSet<String>();
        for (String spelling : spellings(system, value)) {
            ids.addAll(store.idsByIdentifier("ResearchStudy", system, spelling)
                    .collectList()
                    .block());
        }
        return List.copyOf(ids);
    }

    /** An EU CT number is written with and without its {@code -00} suffix; both name the trial. */
    static List<String> spellings(String system, String value) {
        if (!TrialIdentifier.EU_CT.equals(system) || value == null) {
            return value == null ? List.of() : List.of(value);
        }
        return value.matches("\\d{4}-\\d{6}-\\d{2}-\\d{2}")
                ? List.of(value, value.substring(0, 14))
                : value.matches("\\d{4}-\\d{6}-\\d{2}") ? List.of(value, value + "-00") : List.of(value);
    }
}
