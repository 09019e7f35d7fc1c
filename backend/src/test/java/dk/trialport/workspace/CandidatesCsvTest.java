package dk.trialport.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dk.trialport.recruitment.application.WorkingCandidates;
import dk.trialport.recruitment.model.Consent;
import dk.trialport.recruitment.model.ContactChannel;
import dk.trialport.recruitment.model.InterestRegistration;
import dk.trialport.recruitment.model.Note;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The screening log's format: BOM, semicolons, quoting, and the guard against formulas. */
class CandidatesCsvTest {

    @Test
    void fieldsThatASpreadsheetWouldRunAreShownAsText() {
        assertThat(CandidatesCsv.field("=1+2")).isEqualTo("\"'=1+2\"");
        assertThat(CandidatesCsv.field("+45 12 34 56 78")).isEqualTo("\"'+45 12 34 56 78\"");
        assertThat(CandidatesCsv.field("-2")).isEqualTo("\"'-2\"");
        assertThat(CandidatesCsv.field("@SUM(A1)")).isEqualTo("\"'@SUM(A1)\"");
        assertThat(CandidatesCsv.field("\tcmd")).isEqualTo("\"'\tcmd\"");
        assertThat(CandidatesCsv.field("Sagde \"ja\"; ring igen")).isEqualTo("\"Sagde \"\"ja\"\"; ring igen\"");
        assertThat(CandidatesCsv.field("")).isEqualTo("\"\"");
    }

    @Test
    void theFileIsUtf8WithBomSemicolonsAndOneRowPerCandidate() {
        var at = Instant.parse("2026-11-23T09:15:00Z");
        var hidden = InterestRegistration.register(
                UUID.randomUUID(), "t", ContactChannel.EMAIL, "skjult@example.dk", null, new Consent("v", at));
        var shared = InterestRegistration.register(
                        UUID.randomUUID(), "t", ContactChannel.EMAIL, "delt@example.dk", null, new Consent("v", at))
                .shareContact(at);
        var note = new Note(1, shared.id(), "Dr. Æ", "Ring mandag", at);
        var bytes = CandidatesCsv.write(
                List.of(
                        new WorkingCandidates.Candidate(hidden, 0, 0, null),
                        new WorkingCandidates.Candidate(shared, 0, 1, note)),
                key -> key.substring(key.lastIndexOf('.') + 1));
        assertThat(bytes[0]).isEqualTo((byte) 0xEF);
        var lines = new String(bytes, StandardCharsets.UTF_8).substring(1).split("\r\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0])
                .isEqualTo(
                        "\"label\";\"registered\";\"status\";\"updated\";\"channel\";\"contact\";\"notes\";\"latestNoteAt\";\"latestNote\"");
        assertThat(lines[1])
                .isEqualTo("\"prefix " + hidden.pseudonym()
                        + "\";\"2026-11-23 10:15\";\"received\";\"2026-11-23 10:15\";\"\";\"\";\"0\";\"\";\"\"");
        assertThat(lines[2])
                .contains("\"email\";\"delt@example.dk\";\"1\";\"2026-11-23 10:15\";\"Ring mandag\"")
                .doesNotContain("skjult");
    }
}
