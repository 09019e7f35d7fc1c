package dk.trialport.search.vocabulary;

import java.util.List;

/**
 * Free text read with the vocabulary: the concepts it names and the words that name none. A name of several words
 * is one mention, so its parts are never read on their own ("blodprop i hjernen" is a stroke, not a blood clot
 * plus a word).
 *
 * @param mentions the concepts named, in text order
 * @param otherWords the remaining words, folded (lower case, æ ø å as ae oe aa), in text order
 */
public record ConditionReading(List<Mention> mentions, List<String> otherWords) {

    public ConditionReading {
        mentions = List.copyOf(mentions);
        otherWords = List.copyOf(otherWords);
    }

    /** One concept named in the text, with the words (folded) that name it. */
    public record Mention(String conceptId, String words) {}

    /** The remaining words as one text, or null when every word named a concept. */
    public String otherText() {
        return otherWords.isEmpty() ? null : String.join(" ", otherWords);
    }
}
