package dk.trialport.fhir.ctgov;

import static dk.trialport.fhir.ctgov.CtgovStudy.text;

import com.fasterxml.jackson.databind.JsonNode;
import dk.trialport.fhir.TrialportFhir.CodeSystems;
import dk.trialport.fhir.TrialportFhir.Extensions;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.MarkdownType;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Range;
import org.hl7.fhir.r4.model.Type;

/** The eligibility of a trial as a Group definition: age, sex, healthy volunteers and the criteria text. */
final class Eligibility {

  /** The id of the contained Group; referenced as {@code #eligibility}. */
  static final String ID = "eligibility";

  private static final Pattern AGE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(year|month|week|day|hour|minute)s?",
      Pattern.CASE_INSENSITIVE);

  private Eligibility() {}

  /** The Group, or null when the registry gives no eligibility at all. */
  static Group of(JsonNode module) {
    var group = new Group().setType(Group.GroupType.PERSON).setActual(false);
    group.setId(ID);
    var age = ageRange(text(module, "minimumAge"), text(module, "maximumAge"));
    if (age != null) {
      add(group, new Coding(CodeSystems.LOINC, "30525-0", "Age"), age);
    }
    var sex = sex(text(module, "sex"));
    if (sex != null) {
      add(group, new Coding(CodeSystems.SNOMED, "263495000", "Gender"), new CodeableConcept().addCoding(sex));
    }
    var healthy = module.path("healthyVolunteers");
    if (healthy.isBoolean()) {
      add(group, new Coding(CodeSystems.ELIGIBILITY, "healthy-volunteers", "Healthy volunteers"),
          new BooleanType(healthy.booleanValue()));
    }
    var criteria = text(module, "eligibilityCriteria");
    if (criteria != null) {
      group.addExtension(Extensions.ELIGIBILITY_CRITERIA, new MarkdownType(criteria));
    }
    return group.hasCharacteristic() || group.hasExtension() ? group : null;
  }

  /** The age range; a bound the registry does not give stays empty. */
  static Range ageRange(String minimum, String maximum) {
    var low = age(minimum);
    var high = age(maximum);
    if (low == null && high == null) {
      return null;
    }
    var range = new Range();
    if (low != null) {
      range.setLow(low);
    }
    if (high != null) {
      range.setHigh(high);
    }
    return range;
  }

  /** "18 Years" as 18 a, "6 Months" as 6 mo (UCUM); null for "N/A" or anything else. */
  static Quantity age(String text) {
    var matcher = text == null ? null : AGE.matcher(text.strip());
    if (matcher == null || !matcher.matches()) {
      return null;
    }
    var unit = matcher.group(2).toLowerCase(Locale.ROOT);
    var code = switch (unit) {
      case "year" -> "a";
      case "month" -> "mo";
      case "week" -> "wk";
      case "day" -> "d";
      case "hour" -> "h";
      default -> "min";
    };
    return new Quantity().setValue(new BigDecimal(matcher.group(1))).setUnit(unit + "s")
        .setSystem(CodeSystems.UCUM).setCode(code);
  }

  private static Coding sex(String sex) {
    return switch (sex == null ? "ALL" : sex) {
      case "MALE" -> new Coding(CodeSystems.ADMINISTRATIVE_GENDER, "male", "Male");
      case "FEMALE" -> new Coding(CodeSystems.ADMINISTRATIVE_GENDER, "female", "Female");
      default -> null;
    };
  }

  private static void add(Group group, Coding code, Type value) {
    group.addCharacteristic().setCode(new CodeableConcept().addCoding(code)).setValue(value).setExclude(false);
  }
}
