package dk.trialport.search.vocabulary;

import java.util.List;

/** A condition of a trial as the trial states it: its text and its codes, either may be empty. */
public record CodedCondition(String text, List<Code> codes) {

    public CodedCondition {
        text = text == null ? "" : text;
        codes = codes == null ? List.of() : List.copyOf(codes);
    }

    public static CodedCondition text(String text) {
        return new CodedCondition(text, List.of());
    }
}
