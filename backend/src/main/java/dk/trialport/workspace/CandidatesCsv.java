package dk.trialport.workspace;

import dk.trialport.recruitment.application.WorkingCandidates;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The trial team's screening log as CSV for Excel: UTF-8 with a byte order mark (so Excel reads æ, ø, å),
 * semicolons between fields (what Danish Excel expects, since the comma is its decimal sign), CRLF line ends,
 * every field quoted. A field that a spreadsheet would run as a formula (starting with =, +, -, @, a tab or a
 * carriage return) gets a leading apostrophe, so it is shown as text (CSV/formula injection).
 */
final class CandidatesCsv {

    static final String MEDIA_TYPE = "text/csv;charset=UTF-8";
    private static final String BOM = "\uFEFF";
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Europe/Copenhagen"));

    private CandidatesCsv() {}

    /**
     * The file: a header row, then one row per candidate.
     *
     * @param text the page texts of the request's language, by message key
     */
    static byte[] write(List<WorkingCandidates.Candidate> candidates, Function<String, String> text) {
        var header = Stream.of(
                        "label",
                        "registered",
                        "status",
                        "updated",
                        "channel",
                        "contact",
                        "notes",
                        "latestNoteAt",
                        "latestNote")
                .map(column -> text.apply("candidates.csv." + column))
                .toList();
        var rows = Stream.concat(Stream.of(header), candidates.stream().map(candidate -> row(candidate, text)))
                .map(CandidatesCsv::line)
                .collect(Collectors.joining());
        return (BOM + rows).getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> row(WorkingCandidates.Candidate candidate, Function<String, String> text) {
        var r = candidate.registration();
        var latest = candidate.latestNote();
        var contact = r.contactForTeam();
        return List.of(
                text.apply("candidates.label.prefix") + " " + r.pseudonym(),
                time(r.createdAt()),
                text.apply("candidates.status." + r.status().code()),
                time(r.updatedAt()),
                contact == null
                        ? ""
                        : text.apply("interest.channel." + r.channel().code()),
                contact == null ? "" : contact,
                Long.toString(candidate.notes()),
                latest == null ? "" : time(latest.createdAt()),
                latest == null ? "" : latest.body());
    }

    private static String line(List<String> fields) {
        return fields.stream().map(CandidatesCsv::field).collect(Collectors.joining(";")) + "\r\n";
    }

    /** One quoted field, defused when a spreadsheet would take it for a formula. */
    static String field(String value) {
        var safe = value;
        if (!safe.isEmpty() && "=+-@\t\r".indexOf(safe.charAt(0)) >= 0) {
            safe = "'" + safe;
        }
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }

    private static String time(Instant instant) {
        return TIME.format(instant);
    }
}
