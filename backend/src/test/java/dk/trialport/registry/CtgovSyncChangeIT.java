package dk.trialport.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A record changed upstream makes exactly one new version of its trial when the sync asks for what changed since a
 * date; the same record synced again makes none.
 */
class CtgovSyncChangeIT extends RegistrySyncSupport {

    @Test
    void aChangedRecordMakesOneNewVersionAndAnUnchangedOneNone() {
        var studies = danishCopies(4);
        studies.forEach(study -> updated(study, "2025-01-10"));
        STAND_IN.serve(studies, List.of());
        assertThat(syncDone("ctgov", null)).containsEntry("created", 4);

        var changed = studies.get(2);
        ((ObjectNode) changed.path("protocolSection").path("identificationModule"))
                .put("briefTitle", "Semaglutide and supervised exercise (amended upstream)");
        updated(changed, "2026-06-01");
        STAND_IN.serve(studies, List.of());

        assertThat(syncDone("ctgov", "2026-01-01"))
                .containsEntry("created", 0)
                .containsEntry("updated", 1)
                .containsEntry("unchanged", 0);
        assertThat(STAND_IN.requests())
                .singleElement()
                .satisfies(request -> assertThat(request.query())
                        .containsEntry("filter.advanced", "AREA[LastUpdatePostDate]RANGE[2026-01-01,MAX]"));
        assertThat(study("NCT07000002").getMeta().getVersionId()).isEqualTo("2");
        assertThat(study("NCT07000001").getMeta().getVersionId()).isEqualTo("1");

        assertThat(syncDone("ctgov", "2026-01-01")).containsEntry("updated", 0).containsEntry("unchanged", 1);
        assertThat(study("NCT07000002").getMeta().getVersionId()).isEqualTo("2");
    }

    private static void updated(JsonNode study, String date) {
        ((ObjectNode) study.path("protocolSection").path("statusModule"))
                .putObject("lastUpdatePostDateStruct")
                .put("date", date);
    }
}
