package dk.trialport.search;

import static org.assertj.core.api.Assertions.assertThat;

import dk.trialport.support.OpenApiDescription;
import org.junit.jupiter.api.Test;

/** The OpenAPI description tells the truth: it lists exactly the query parameters the search API accepts. */
class OpenApiDescriptionTest {

    private final OpenApiDescription description = OpenApiDescription.load();

    @Test
    void everyAcceptedSearchParameterIsDescribedAndNothingElse() {
        assertThat(queryParameters("/api/v1/trials")).containsExactlyInAnyOrderElementsOf(TrialQueryParser.KNOWN);
    }

    @Test
    void everyAcceptedSuggestionParameterIsDescribedAndNothingElse() {
        assertThat(queryParameters("/api/v1/trials/suggest"))
                .containsExactlyInAnyOrderElementsOf(TrialQueryParser.SUGGEST);
    }

    private java.util.List<String> queryParameters(String path) {
        return description.parameters(description.operation(path, "get")).stream()
                .filter(parameter -> "query".equals(parameter.get("in")))
                .map(parameter -> (String) parameter.get("name"))
                .toList();
    }
}
