package dk.trialport.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * CTIS's search can list a trial that reading then answers 404 (taken off publication in between): that trial is
 * rejected with the reason, and the sync goes on to the end instead of stopping at it.
 */
class CtisUnservedTrialIT extends RegistrySyncSupport {

    @Test
    @SuppressWarnings("unchecked")
    void aTrialTheSearchListsButCtisNoLongerServesIsRejectedAndTheRunGoesOn() {
        var trials = ctisFixtures();
        STAND_IN.serve(List.of(), trials);
        STAND_IN.unpublish("2024-510987-23-00");

        var summary = syncDone("ctis", null);
        assertThat((List<Map<String, Object>>) summary.get("rejected"))
                .contains(
                        Map.of("record", "2024-510987-23-00", "reason", "CTIS lists the trial but does not serve it"));
        assertThat(STAND_IN.requests())
                .as("the run went on to the last search page")
                .filteredOn(request -> request.path().equals("/ctis-public-api/search"))
                .extracting(RegistryStandIn.Request::page)
                .containsExactly(1, 2);
    }
}
