package dk.trialport.fhir;

import java.time.Instant;
import org.hl7.fhir.r4.model.DateTimeType;
import org.springframework.http.HttpStatus;

/** A date search value with its prefix (eq, ge, gt, le, lt) as a half-open range of instants. */
record DateBound(Instant from, Instant before) {

  static DateBound parse(String value) {
    var prefix = value.length() > 2 && Character.isLetter(value.charAt(0)) ? value.substring(0, 2) : "eq";
    var date = prefix.equals("eq") && !Character.isLetter(value.charAt(0)) ? value : value.substring(2);
    DateTimeType parsed;
    try {
      parsed = new DateTimeType(date);
    } catch (RuntimeException e) {
      throw new FhirProblem(HttpStatus.BAD_REQUEST, "value", date + " is not a FHIR date or dateTime", "_lastUpdated");
    }
    var start = parsed.getValue().toInstant();
    var end = parsed.getPrecision().add(parsed.getValue(), 1).toInstant();
    return switch (prefix) {
      case "eq" -> new DateBound(start, end);
      case "ge" -> new DateBound(start, null);
      case "gt" -> new DateBound(end, null);
      case "le" -> new DateBound(null, end);
      case "lt" -> new DateBound(null, start);
      default -> throw new FhirProblem(HttpStatus.BAD_REQUEST, "value", "Date prefix " + prefix
          + " is not supported; use eq, ge, gt, le or lt", "_lastUpdated");
    };
  }
}
