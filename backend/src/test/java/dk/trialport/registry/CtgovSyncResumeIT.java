package dk.trialport.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A sync that fails mid-way (page 3 answers 500 however often it is asked) stops with the first two pages committed;
 * the next run resumes at page 3, never asks for pages 1 and 2 again, and leaves every trial in the catalogue once,
 * in its first version.
 */
class CtgovSyncResumeIT extends RegistrySyncSupport {

    @Test
    void aFailureMidWayThenAResumeFromTheCommittedPageWithoutDuplicates() {
        var studies = danishCopies(13);
        STAND_IN.serve(studies, List.of());
        STAND_IN.fail(3, 500, null, 100);

        var failed = sync("ctgov", null);
        assertThat(failed.get("state")).isEqualTo("failed");
        assertThat((String) failed.get("error")).contains("status 500", "3 tries");
        assertThat(STAND_IN.requests())
                .filteredOn(request -> request.page() == 3)
                .as("asked once and retried twice")
                .hasSize(3)
                .allSatisfy(request -> assertThat(request.status()).isEqualTo(500));
        for (int i = 0; i < 13; i++) {
            assertThat(studies(nct(i)))
                    .as("%s: %s", nct(i), i < 2 * PAGE_SIZE ? "on a committed page" : "not reached")
                    .hasSize(i < 2 * PAGE_SIZE ? 1 : 0);
        }

        STAND_IN.heal();
        STAND_IN.clearRequests();
        var summary = syncDone("ctgov", null);
        assertThat(STAND_IN.requests())
                .extracting(RegistryStandIn.Request::page)
                .as("resumed at page 3")
                .containsExactly(3, 4, 5);
        assertThat(summary)
                .containsEntry("created", 13 - 2 * PAGE_SIZE)
                .containsEntry("updated", 0)
                .containsEntry("unchanged", 0);
        for (int i = 0; i < 13; i++) {
            assertThat(studies(nct(i)))
                    .as(nct(i))
                    .singleElement()
                    .satisfies(
                            study -> assertThat(study.getMeta().getVersionId()).isEqualTo("1"));
        }
    }

    private static String nct(int i) {
        return String.format("NCT0700%04d", i);
    }
}
