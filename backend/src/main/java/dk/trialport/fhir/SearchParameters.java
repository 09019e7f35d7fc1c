package dk.trialport.fhir;

import org.springframework.http.HttpStatus;

/** Shared handling of the general search parameters. */
final class SearchParameters {

  static final int DEFAULT_COUNT = 20;
  static final int MAX_COUNT = 500;

  private SearchParameters() {}

  static int count(String value) {
    if (value == null) {
      return DEFAULT_COUNT;
    }
    try {
      int count = Integer.parseInt(value);
      if (count < 0) {
        throw new NumberFormatException();
      }
      return Math.min(count, MAX_COUNT);
    } catch (NumberFormatException e) {
      throw new FhirProblem(HttpStatus.BAD_REQUEST, "value", "_count must be a whole number ≥ 0, not " + value, "_count");
    }
  }
}
