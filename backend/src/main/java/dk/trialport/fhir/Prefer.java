package dk.trialport.fhir;

import org.springframework.http.server.reactive.ServerHttpRequest;

/** What a write returns, as asked with {@code Prefer: return=…} (representation by default). */
enum Prefer {
    MINIMAL,
    REPRESENTATION,
    OPERATION_OUTCOME;

    static Prefer returnOf(ServerHttpRequest request) {
        var header = request.getHeaders().getFirst("Prefer");
        if (header == null) {
            return REPRESENTATION;
        }
        for (var part : header.split("[;,]")) {
            switch (part.trim()) {
                case "return=minimal" -> {
                    return MINIMAL;
                }
                case "return=OperationOutcome" -> {
                    return OPERATION_OUTCOME;
                }
                case "return=representation" -> {
                    return REPRESENTATION;
                }
                default -> {}
            }
        }
        return REPRESENTATION;
    }
}
