package dk.trialport.registry;

import dk.trialport.fhir.TrialportFhir.TrialIdentifier;
import java.util.Arrays;

/**
 * The registries trials are imported from, in rank order: where two registries describe the same
 * trial, the higher-ranked one's value of a field wins and the other fills only the fields it leaves empty.
 * The plain-language title is the exception: CTIS's wins, since CTIS carries it in Danish too.
 */
public enum RegistrySource {
    /** ClinicalTrials.gov (API v2 JSON and AACT extracts), keyed by the NCT number; its records are the richest. */
    CTGOV("clinicaltrials.gov", "ClinicalTrials.gov", TrialIdentifier.NCT),
    /** The EU Clinical Trials Information System, keyed by the EU CT number. */
    CTIS("ctis", "EU Clinical Trials Information System (CTIS)", TrialIdentifier.EU_CT);

    private final String code;
    private final String display;
    private final String system;

    RegistrySource(String code, String display, String system) {
        this.code = code;
        this.display = display;
        this.system = system;
    }

    /** The code of its {@link RegistryImport#SOURCE_SYSTEM} tag. */
    public String code() {
        return code;
    }

    public String display() {
        return display;
    }

    /** The identifier system of the registry's own trial numbers. */
    public String system() {
        return system;
    }

    /** Whether this registry's value of a field ({@link StudySlots}) wins over {@code other}'s. */
    boolean outranks(RegistrySource other, String slot) {
        return "label".equals(slot) ? other.compareTo(this) < 0 : compareTo(other) < 0;
    }

    /** The source of a tag code; null when none has it. */
    static RegistrySource of(String code) {
        return Arrays.stream(values())
                .filter(source -> source.code.equals(code))
                .findFirst()
                .orElse(null);
    }
}
