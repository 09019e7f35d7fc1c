package dk.trialport.portal;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a search highlight ("Type 2 <mark>diabetes</mark>") into plain and marked pieces. The pieces are
 * written with th:text, so any markup in the trial's own text is escaped; {@code <mark>} is the only tag
 * that ever reaches the page, and only as the template's own element.
 */
final class Highlights {

    private static final String OPEN = "<mark>";
    private static final String CLOSE = "</mark>";

    private Highlights() {}

    /** One piece of a highlighted text. Public so that templates can read it. */
    public record Segment(String text, boolean marked) {}

    /** The text of the segments without their marks. */
    static String plainText(List<Segment> segments) {
        var text = new StringBuilder();
        segments.forEach(segment -> text.append(segment.text()));
        return text.toString();
    }

    static List<Segment> segments(String highlighted) {
        var segments = new ArrayList<Segment>();
        int at = 0;
        while (at < highlighted.length()) {
            int open = highlighted.indexOf(OPEN, at);
            int close = open < 0 ? -1 : highlighted.indexOf(CLOSE, open + OPEN.length());
            if (open < 0 || close < 0) {
                add(segments, highlighted.substring(at), false);
                break;
            }
            add(segments, highlighted.substring(at, open), false);
            add(segments, highlighted.substring(open + OPEN.length(), close), true);
            at = close + CLOSE.length();
        }
        return segments;
    }

    /** Plain text as the reader would see it, without the highlight tags. */
    static String plain(String highlighted) {
        return highlighted.replace(OPEN, "").replace(CLOSE, "");
    }

    /** The text as one unmarked piece. */
    static List<Segment> unmarked(String text) {
        return text == null || text.isEmpty() ? List.of() : List.of(new Segment(text, false));
    }

    private static void add(List<Segment> segments, String text, boolean marked) {
        if (!text.isEmpty()) {
            segments.add(new Segment(text, marked));
        }
    }
}
