package dk.trialport.fhir;

import org.springframework.http.server.reactive.ServerHttpRequest;

/** The absolute base URL of the FHIR API as the client reached it (behind a proxy: its forwarded address). */
final class FhirBase {

    private FhirBase() {}

    static String url(ServerHttpRequest request) {
        var uri = request.getURI();
        var port = uri.getPort() == -1 ? "" : ":" + uri.getPort();
        return uri.getScheme() + "://" + uri.getHost() + port + "/fhir";
    }
}
