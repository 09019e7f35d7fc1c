package dk.trialport.support;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import java.time.Duration;
import org.springframework.test.web.reactive.server.WebTestClient;

/** HAPI's own generic client against the running server, as a hospital system or an anonymous reader uses it. */
public final class FhirClients {

    /** The clients' own context, apart from the server's. */
    public static final FhirContext CONTEXT = FhirContext.forR4();

    /** Every scope the demo hospital system may ask for. */
    public static final String ALL_SCOPES =
            "system/ResearchStudy.cruds system/Location.cruds system/Organization.cruds "
                    + "system/PractitionerRole.cruds";

    static {
        CONTEXT.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        CONTEXT.getRestfulClientFactory().setSocketTimeout(120_000);
    }

    private FhirClients() {}

    /** A plain HTTP client against the running server, patient enough for the validator's first, cold call. */
    public static WebTestClient web(int port) {
        return WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(60))
                .build();
    }

    public static IGenericClient anonymous(int port) {
        return CONTEXT.newRestfulGenericClient("http://localhost:" + port + "/fhir");
    }

    /** The demo hospital system with a real token for {@code scopes} from the identity provider. */
    public static IGenericClient hospital(int port, String issuer, String scopes) {
        var client = anonymous(port);
        client.registerInterceptor(new BearerTokenAuthInterceptor(Tokens.demoHospital(issuer, scopes)));
        return client;
    }
}
