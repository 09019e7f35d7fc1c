package dk.trialport.portal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Eligibility criteria as trials write them (markdown) turned into headings, paragraphs and lists of plain
 * text. The page writes the text escaped; no markup from the trial reaches it.
 */
final class CriteriaText {

    private static final Pattern BULLET = Pattern.compile("^[-*+]\\s+(.*)");
    private static final Pattern NUMBERED = Pattern.compile("^\\d+[.)]\\s+(.*)");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*)");

    private CriteriaText() {}

    /**
     * A block of the text. Public so that templates can read it.
     *
     * @param kind {@code heading}, {@code paragraph} (one line per entry), {@code bullets} or {@code numbers}
     */
    public record Block(String kind, List<String> lines) {}

    static List<Block> blocks(String markdown) {
        var blocks = new ArrayList<Block>();
        if (markdown == null) {
            return blocks;
        }
        for (var raw : markdown.strip().split("\\R")) {
            add(blocks, inline(raw.strip()), raw.startsWith(" ") || raw.startsWith("\t"));
        }
        return blocks.stream()
                .filter(block -> !block.kind().equals("break"))
                .map(CriteriaText::headingIfLabel)
                .toList();
    }

    private static void add(List<Block> blocks, String line, boolean indented) {
        var last = blocks.isEmpty() ? null : blocks.get(blocks.size() - 1);
        if (line.isEmpty()) {
            blocks.add(new Block("break", new ArrayList<>()));
            return;
        }
        var heading = HEADING.matcher(line);
        var bullet = BULLET.matcher(line);
        var numbered = NUMBERED.matcher(line);
        if (heading.matches()) {
            blocks.add(new Block("heading", new ArrayList<>(List.of(heading.group(1)))));
        } else if (bullet.matches() || numbered.matches()) {
            var kind = bullet.matches() ? "bullets" : "numbers";
            var item = bullet.matches() ? bullet.group(1) : numbered.group(1);
            if (last != null && last.kind().equals(kind)) {
                last.lines().add(item);
            } else {
                blocks.add(new Block(kind, new ArrayList<>(List.of(item))));
            }
        } else if (last != null
                && (last.kind().equals("paragraph") || indented && last.kind().matches("bullets|numbers"))) {
            appendTo(last, line);
        } else {
            blocks.add(new Block("paragraph", new ArrayList<>(List.of(line))));
        }
    }

    /** A continuation line: a new line of a paragraph, or more text of a list's last item. */
    private static void appendTo(Block block, String line) {
        if (block.kind().equals("paragraph")) {
            block.lines().add(line);
        } else {
            int last = block.lines().size() - 1;
            block.lines().set(last, block.lines().get(last) + " " + line);
        }
    }

    /** A one-line paragraph ending in a colon ("Inclusion criteria:") is a heading. */
    private static Block headingIfLabel(Block block) {
        if (block.kind().equals("paragraph")
                && block.lines().size() == 1
                && block.lines().get(0).endsWith(":")) {
            return new Block("heading", List.of(block.lines().get(0)));
        }
        return new Block(block.kind(), List.copyOf(block.lines()));
    }

    /** Emphasis and code marks are dropped; the words stay. */
    private static String inline(String line) {
        return line.replace("**", "").replace("__", "").replace("`", "");
    }
}
