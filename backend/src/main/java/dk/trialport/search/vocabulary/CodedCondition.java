package dk.trialport.search.vocabulary;

import java.util.List;

/** A condition of a trial as the trial states it: its text and its codes, either may be empty. */
public record CodedCondition(String text, List<Code> codes) {

    /**
     * The condition text of a trial whose registry record names no condition Trialport can read (an AACT extract
     * has none): the trial stays findable (by this text, and by FHIR's {@code condition:text}) and its page says
     * "not classified" in the page's language.
     */
    public static final String NOT_CLASSIFIED = "Not classified";

    /** Whether this is the {@link #NOT_CLASSIFIED} condition. */
    public boolean notClassified() {
        return NOT_CLASSIFIED.equalsIgnoreCase(text.strip()) && codes.isEmpty();
    }

    public CodedCondition {
        text = text == null ? "" : text;
        codes = codes == null ? List.of() : List.copyOf(codes);
    }

    public static CodedCondition text(String text) {
        return new CodedCondition(text, List.of());
    }
}
