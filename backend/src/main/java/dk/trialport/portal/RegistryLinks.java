package dk.trialport.portal;

import dk.trialport.catalogue.Trial;
import dk.trialport.fhir.TrialportFhir.TrialIdentifier;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.web.util.UriComponentsBuilder;

/** A trial's identifiers with links to the public registries that hold them (ClinicalTrials.gov, CTIS, EudraCT). */
final class RegistryLinks {

    private static final Pattern NCT = Pattern.compile("NCT\\d{8}");
    private static final Pattern EU_CT = Pattern.compile("\\d{4}-5\\d{5}-\\d{2}-\\d{2}");
    private static final Pattern EUDRACT = Pattern.compile("\\d{4}-\\d{6}-\\d{2}");

    /** Registry → its page of one trial. */
    private static final Map<String, String> PAGES = Map.of(
            "nct", "https://clinicaltrials.gov/study/{id}",
            "euct", "https://euclinicaltrials.eu/search-for-clinical-trials/?lang=en&EUCT={id}",
            "eudract", "https://www.clinicaltrialsregister.eu/ctr-search/search?query={id}");

    private static final Map<String, String> SYSTEMS = Map.of(
            TrialIdentifier.NCT, "nct",
            TrialIdentifier.EU_CT, "euct",
            TrialIdentifier.EUDRACT, "eudract",
            TrialIdentifier.LOCAL_PROTOCOL, "protocol",
            TrialIdentifier.ETHICS_COMMITTEE, "ethics",
            TrialIdentifier.TRIALPORT, "trialport");

    private RegistryLinks() {}

    static List<TrialView.IdentifierView> of(List<Trial.Identifier> identifiers, Texts texts) {
        return identifiers.stream()
                .filter(identifier ->
                        identifier.value() != null && !identifier.value().isBlank())
                .map(identifier -> view(registry(identifier), identifier.value().strip(), texts))
                .toList();
    }

    private static TrialView.IdentifierView view(String registry, String value, Texts texts) {
        var page = PAGES.get(registry);
        var href = page == null
                ? null
                : UriComponentsBuilder.fromUriString(page)
                        .encode()
                        .buildAndExpand(value)
                        .toUriString();
        return new TrialView.IdentifierView(texts.get("trial.identifier." + registry), value, href);
    }

    /** The registry by the identifier's system, else by the form of the value; {@code other} when neither tells. */
    static String registry(Trial.Identifier identifier) {
        var bySystem = identifier.system() == null ? null : SYSTEMS.get(identifier.system());
        if (bySystem != null) {
            return bySystem;
        }
        var value = identifier.value().strip();
        if (NCT.matcher(value).matches()) {
            return "nct";
        }
        if (EU_CT.matcher(value).matches()) {
            return "euct";
        }
        return EUDRACT.matcher(value).matches() ? "eudract" : "other";
    }
}
