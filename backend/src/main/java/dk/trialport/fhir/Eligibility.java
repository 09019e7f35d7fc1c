package dk.trialport.fhir;

import dk.trialport.fhir.TrialportFhir.CodeSystems;
import dk.trialport.fhir.TrialportFhir.Extensions;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;
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
public final class Eligibility {

    /** The id of the contained Group; referenced as {@code #eligibility}. */
    public static final String ID = "eligibility";

    private static final Pattern AGE =
            Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(year|month|week|day|hour|minute)s?", Pattern.CASE_INSENSITIVE);
    /** Days per UCUM unit, to put both bounds of a range in one unit (a year is 12 months exactly). */
    private static final Map<String, BigDecimal> DAYS = Map.of(
            "a",
            new BigDecimal("365.25"),
            "mo",
            new BigDecimal("30.4375"),
            "wk",
            new BigDecimal(7),
            "d",
            BigDecimal.ONE,
            "h",
            BigDecimal.ONE.divide(new BigDecimal(24), 12, RoundingMode.HALF_UP),
            "min",
            BigDecimal.ONE.divide(new BigDecimal(1440), 12, RoundingMode.HALF_UP));

    private static final Map<String, String> UNITS =
            Map.of("a", "years", "mo", "months", "wk", "weeks", "d", "days", "h", "hours", "min", "minutes");

    private Eligibility() {}

    /** The contained Group {@code #eligibility} of what is known (nulls left out), or null when nothing is. */
    public static Group group(Range age, Coding sex, Boolean healthyVolunteers, String criteria) {
        var group = new Group().setType(Group.GroupType.PERSON).setActual(false);
        group.setId(ID);
        if (age != null) {
            add(group, new Coding(CodeSystems.LOINC, "30525-0", "Age"), age);
        }
        if (sex != null) {
            add(group, new Coding(CodeSystems.SNOMED, "263495000", "Gender"), new CodeableConcept().addCoding(sex));
        }
        if (healthyVolunteers != null) {
            add(
                    group,
                    new Coding(CodeSystems.ELIGIBILITY, "healthy-volunteers", "Healthy volunteers"),
                    new BooleanType(healthyVolunteers));
        }
        if (criteria != null) {
            group.addExtension(Extensions.ELIGIBILITY_CRITERIA, new MarkdownType(criteria));
        }
        return group.hasCharacteristic() || group.hasExtension() ? group : null;
    }

    /**
     * The age range; a bound the registry does not give stays empty. Bounds in different units are both
     * given in the smaller unit ("6 Months" to "2 Years" as 6 to 24 months), so low and high compare.
     */
    public static Range ageRange(String minimum, String maximum) {
        var low = age(minimum);
        var high = age(maximum);
        if (low == null && high == null) {
            return null;
        }
        if (low != null && high != null && !low.getCode().equals(high.getCode())) {
            var unit = DAYS.get(low.getCode()).compareTo(DAYS.get(high.getCode())) < 0 ? low.getCode() : high.getCode();
            low = in(low, unit);
            high = in(high, unit);
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
    public static Quantity age(String text) {
        var matcher = text == null ? null : AGE.matcher(text.strip());
        if (matcher == null || !matcher.matches()) {
            return null;
        }
        var code = switch (matcher.group(2).toLowerCase(Locale.ROOT)) {
            case "year" -> "a";
            case "month" -> "mo";
            case "week" -> "wk";
            case "day" -> "d";
            case "hour" -> "h";
            default -> "min";
        };
        return quantity(new BigDecimal(matcher.group(1)), code);
    }

    /** The age in another UCUM unit, to at most four decimals. */
    public static Quantity in(Quantity age, String code) {
        if (age.getCode().equals(code)) {
            return age;
        }
        var value = age.getValue().multiply(DAYS.get(age.getCode())).divide(DAYS.get(code), 4, RoundingMode.HALF_UP);
        return quantity(value.stripTrailingZeros().scale() < 0 ? value.setScale(0) : value.stripTrailingZeros(), code);
    }

    private static Quantity quantity(BigDecimal value, String code) {
        return new Quantity()
                .setValue(value)
                .setUnit(UNITS.get(code))
                .setSystem(CodeSystems.UCUM)
                .setCode(code);
    }

    /** The administrative gender of a sex restriction ({@code MALE}, {@code FEMALE}); null for all. */
    public static Coding sex(String sex) {
        return switch (sex == null ? "ALL" : sex.toUpperCase(Locale.ROOT)) {
            case "MALE" -> new Coding(CodeSystems.ADMINISTRATIVE_GENDER, "male", "Male");
            case "FEMALE" -> new Coding(CodeSystems.ADMINISTRATIVE_GENDER, "female", "Female");
            default -> null;
        };
    }

    private static void add(Group group, Coding code, Type value) {
        group.addCharacteristic()
                .setCode(new CodeableConcept().addCoding(code))
                .setValue(value)
                .setExclude(false);
    }
}
