package dk.trialport.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The OpenAPI description tells the truth: it lists exactly the parameters the search API accepts. */
class OpenApiDescriptionTest {

  @Test
  @SuppressWarnings("unchecked")
  void everyAcceptedParameterIsDescribedAndNothingElse() throws IOException {
    try (var in = OpenApiDescriptionTest.class.getResourceAsStream("/static/api/v1/openapi.yaml")) {
      Map<String, Object> description = new Yaml().load(in);
      var paths = (Map<String, Map<String, Map<String, Object>>>) description.get("paths");
      var parameters = (List<Map<String, Object>>) paths.get("/api/v1/trials").get("get").get("parameters");
      assertThat(parameters).extracting(parameter -> (String) parameter.get("name"))
          .containsExactlyInAnyOrderElementsOf(TrialQueryParser.KNOWN);
    }
  }
}
