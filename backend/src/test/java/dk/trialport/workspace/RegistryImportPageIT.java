package dk.trialport.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

import dk.trialport.registry.OperatorImport;
import dk.trialport.support.PersonBuilder;
import dk.trialport.support.TrialportIntegrationTest;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The administrators' page tells what the last registry import did, in Danish and English: its counts and its
 * rejections by reason.
 */
@TrialportIntegrationTest
class RegistryImportPageIT {

    @Autowired
    ApplicationContext context;

    @LocalServerPort
    int port;

    @Value("${trialport.identity.issuer}")
    String issuer;

    @Test
    void theAdministratorSeesTheLastImportsSummaryWithItsRejectionsByReason() {
        var admin = WebTestClient.bindToApplicationContext(context)
                .apply(springSecurity())
                .configureClient()
                .responseTimeout(Duration.ofSeconds(30))
                .build()
                .mutateWith(PersonBuilder.administrator("admin-1")
                        .named("Ada Admin")
                        .login());
        // what an earlier test class imported in the same application may be shown: only the heading is certain
        assertThat(page(admin, "/arbejdsrum/admin")).contains("Import fra registre");

        new OperatorImport(port, issuer).run(Path.of("src/test/resources/fhir/r4/ctis/trials.json"), "ctis");

        assertThat(page(admin, "/arbejdsrum/admin"))
                .contains("Færdig: ", "Nye forsøg", "Afviste poster efter grund")
                .containsPattern("Nye forsøg</th><td>3</td>")
                .containsPattern("Afvist</th><td>3</td>")
                .contains("not authorised yet", "not an EU CT number");
        assertThat(page(admin, "/arbejdsrum/admin?lang=en"))
                .contains("Registry import", "Done: ", "Rejected records by reason")
                .containsPattern("New trials</th><td>3</td>");
    }

    private static String page(WebTestClient client, String uri) {
        return client.get()
                .uri(uri)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }
}
