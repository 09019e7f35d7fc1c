package dk.trialport.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

/**
 * The live ClinicalTrials.gov sync pages through the whole search to the last page (the project's fixtures and the
 * real records of {@code ../shared/data/ctgov}, three a page), imports every record through the file import's
 * pipeline, and the next run asks only for the records updated since the day before this one began.
 */
class CtgovSyncPagingIT extends RegistrySyncSupport {

    @Test
    void pagesToTheEndThenAsksOnlyForWhatChangedSince() {
        var studies = new ArrayList<JsonNode>(fixtures());
        studies.addAll(shared());
        STAND_IN.serve(studies, java.util.List.of());

        var summary = syncDone("ctgov", null);
        int pages = (studies.size() + PAGE_SIZE - 1) / PAGE_SIZE;
        System.out.printf("Sync of %d studies in %d pages: %s%n", studies.size(), pages, summary);
        assertThat((Integer) summary.get("created")
                        + (Integer) summary.get("skippedNotDanish")
                        + ((java.util.List<?>) summary.get("rejected")).size())
                .as("every record of every page counted once")
                .isEqualTo(studies.size());
        assertThat((Integer) summary.get("created")).isGreaterThanOrEqualTo(2);
        assertThat((Integer) summary.get("skippedNotDanish"))
                .as("NCT06222222 (United States), NCT06333333 (Germany), …")
                .isGreaterThanOrEqualTo(2);

        var requests = STAND_IN.requests();
        assertThat(requests).hasSize(pages).allSatisfy(request -> {
            assertThat(request.status()).isEqualTo(200);
            assertThat(request.query())
                    .containsEntry("query.locn", "Denmark")
                    .containsEntry("pageSize", String.valueOf(PAGE_SIZE))
                    .doesNotContainKey("filter.advanced");
        });
        assertThat(requests.get(0).query()).doesNotContainKey("pageToken");
        assertThat(requests.subList(1, pages))
                .allSatisfy(request -> assertThat(request.query()).containsKey("pageToken"));
        assertThat(requests).extracting(RegistryStandIn.Request::page).doesNotHaveDuplicates();

        assertThat(study("NCT06111111").getSite()).as("its Danish sites").hasSize(2);
        assertThat(study("NCT06444444").getTitle()).isNotBlank();
        assertThat(studies("NCT06222222")).as("not Danish: not imported").isEmpty();

        STAND_IN.clearRequests();
        var again = syncDone("ctgov", null);
        var since = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        assertThat(STAND_IN.requests())
                .singleElement()
                .satisfies(request -> assertThat(request.query())
                        .containsEntry("filter.advanced", "AREA[LastUpdatePostDate]RANGE[" + since + ",MAX]"));
        assertThat(again).containsEntry("created", 0).containsEntry("updated", 0);
    }
}
