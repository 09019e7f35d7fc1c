package dk.trialport.support;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IClientInterceptor;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.IHttpRequest;
import ca.uhn.fhir.rest.client.api.IHttpResponse;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
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

    /**
     * The demo hospital system with a real token for {@code scopes} from the identity provider, fetched anew before
     * the last one runs out (a long import on a loaded machine outlives one token, as a real hospital system's does).
     */
    public static IGenericClient hospital(int port, String issuer, String scopes) {
        var client = anonymous(port);
        client.registerInterceptor(new FreshToken(() -> Tokens.demoHospital(issuer, scopes)));
        return client;
    }

    /** Sends a bearer token, fetching a new one when the one it has is more than two minutes old. */
    private static final class FreshToken implements IClientInterceptor {

        private static final Duration KEEP = Duration.ofMinutes(2);

        private final Supplier<String> tokens;
        private String token;
        private Instant fetched = Instant.MIN;

        FreshToken(Supplier<String> tokens) {
            this.tokens = tokens;
        }

        @Override
        public synchronized void interceptRequest(IHttpRequest request) {
            if (token == null || fetched.plus(KEEP).isBefore(Instant.now())) {
                token = tokens.get();
                fetched = Instant.now();
            }
            request.addHeader("Authorization", "Bearer " + token);
        }

        @Override
        public void interceptResponse(IHttpResponse response) {}
    }
}
