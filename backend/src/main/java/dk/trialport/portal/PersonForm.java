package dk.trialport.portal;

import dk.trialport.search.vocabulary.GeoPoint;
import dk.trialport.search.vocabulary.Place;
import dk.trialport.search.vocabulary.PostalCodes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.util.MultiValueMap;

/**
 * What a person enters in "Could this be for me?" (age, sex, healthy or not, postal code), as entered, with
 * a message key for each field that could not be read. Public so that templates can read it.
 */
public record PersonForm(String age, String sex, String healthy, String postalCode, Map<String, String> errors) {

    static PersonForm of(MultiValueMap<String, String> parameters) {
        return new PersonForm(
                value(parameters, "age"),
                value(parameters, "sex"),
                value(parameters, "healthy"),
                value(parameters, "postalCode"),
                new LinkedHashMap<>());
    }

    /** Whether the person entered anything to check. */
    public boolean isFilled() {
        return !(age.isEmpty() && sex.isEmpty() && healthy.isEmpty() && postalCode.isEmpty());
    }

    /** The person as the check reads them; fields that cannot be read are left out and noted in {@link #errors}. */
    EligibilityCheck.Person person(PostalCodes postalCodes) {
        return new EligibilityCheck.Person(
                parseAge(), choice("sex", sex, "male", "female"), healthyAnswer(), place(postalCodes));
    }

    private Double parseAge() {
        if (age.isEmpty()) {
            return null;
        }
        try {
            var years = Double.parseDouble(age.replace(',', '.'));
            if (years >= 0 && years <= 130) {
                return years;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.put("age", "check.error.age");
        return null;
    }

    private Boolean healthyAnswer() {
        var value = choice("healthy", healthy, "true", "false");
        return value == null ? null : Boolean.valueOf(value);
    }

    private GeoPoint place(PostalCodes postalCodes) {
        if (postalCode.isEmpty()) {
            return null;
        }
        var place = postalCode.matches("\\d{4}")
                ? postalCodes.find(postalCode).map(Place::point)
                : Optional.<GeoPoint>empty();
        if (place.isEmpty()) {
            errors.put("postalCode", "check.error.postalCode");
        }
        return place.orElse(null);
    }

    private String choice(String field, String value, String... allowed) {
        if (value.isEmpty()) {
            return null;
        }
        for (var option : allowed) {
            if (option.equals(value)) {
                return value;
            }
        }
        errors.put(field, "check.error." + field);
        return null;
    }

    private static String value(MultiValueMap<String, String> parameters, String name) {
        var value = parameters.getFirst(name);
        return value == null ? "" : value.strip();
    }
}
