package dk.trialport.fhir;

import java.util.List;
import org.springframework.http.HttpStatus;

/** The resource types the catalogue keeps. */
final class ResourceTypes {

  static final List<String> CATALOGUE = List.of("ResearchStudy", "Location", "Organization", "PractitionerRole", "Group");

  private ResourceTypes() {}

  static String require(String type) {
    if (!CATALOGUE.contains(type)) {
      throw new FhirProblem(HttpStatus.NOT_FOUND, "not-supported",
          "Resource type " + type + " is not served here; supported: " + String.join(", ", CATALOGUE), null);
    }
    return type;
  }
}
