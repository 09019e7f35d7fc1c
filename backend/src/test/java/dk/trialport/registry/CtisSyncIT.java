package dk.trialport.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dk.trialport.fhir.TrialportFhir.TrialIdentifier;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The live CTIS sync pages through the public search ({@code POST /ctis-public-api/search}), reads each trial
 * ({@code GET /ctis-public-api/retrieve/{ctNumber}}) and imports it with the CTIS mapper: the Danish trials of the
 * project's fixtures are created, the others skipped as not Danish; a second run changes nothing.
 */
class CtisSyncIT extends RegistrySyncSupport {

    @Test
    void searchesPageByPageAndImportsTheDanishTrials() {
        var trials = ctisFixtures();
        STAND_IN.serve(List.of(), trials);

        var summary = syncDone("ctis", null);
        assertThat(summary)
                .containsEntry("created", 2)
                .containsEntry("skippedNotDanish", 2)
                .containsEntry("updated", 0);
        assertThat((List<?>) summary.get("rejected"))
                .as("under evaluation, and a number that is no EU CT number")
                .hasSize(2);
        assertThat(STAND_IN.requests())
                .filteredOn(request -> request.path().equals("/ctis-public-api/search"))
                .extracting(RegistryStandIn.Request::page)
                .containsExactly(1, 2);
        assertThat(STAND_IN.requests())
                .filteredOn(request -> request.path().startsWith("/ctis-public-api/retrieve/"))
                .hasSize(trials.size());
        var operator = new OperatorImport(port, issuer);
        assertThat(operator.study(TrialIdentifier.EU_CT, "2024-510987-23-00").getSite())
                .isNotEmpty();
        assertThat(operator.studies(TrialIdentifier.EU_CT, "2024-512345-67-00"))
                .as("Swedish sites only")
                .isEmpty();

        assertThat(syncDone("ctis", null))
                .containsEntry("created", 0)
                .containsEntry("updated", 0)
                .containsEntry("unchanged", 2);
    }
}
