package dk.trialport.fhir;

import dk.trialport.catalogue.CatalogueQuery;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.springframework.http.HttpStatus;

/** An opaque, stable page cursor: the position of a page edge and which way to read from it. */
record SearchCursor(CatalogueQuery.Position position, boolean backwards) {

    String encode() {
        var text = (backwards ? "b" : "f") + "|" + position.lastUpdated() + "|" + position.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static SearchCursor decode(String token) {
        try {
            var parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\\|", 3);
            return new SearchCursor(
                    new CatalogueQuery.Position(Instant.parse(parts[1]), parts[2]), parts[0].equals("b"));
        } catch (RuntimeException e) {
            throw new FhirProblem(
                    HttpStatus.BAD_REQUEST, "value", "The page cursor is not valid; start the search again", "_cursor");
        }
    }
}
