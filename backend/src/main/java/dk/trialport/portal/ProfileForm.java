package dk.trialport.portal;

import dk.trialport.recruitment.model.InterestProfile;
import dk.trialport.recruitment.model.Position;
import dk.trialport.search.vocabulary.ConditionVocabulary;
import dk.trialport.search.vocabulary.PostalCodes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a person fills in for their interest profile, as entered, and what is wrong with it: field name →
 * message key, shown next to the field. Public so that templates can read it.
 */
public record ProfileForm(
        String consent,
        List<String> areas,
        String age,
        String sex,
        String healthy,
        String postalCode,
        String travelKm,
        String notifyPortal,
        String notifyEmail,
        String email) {

    static final int MAX_AREAS = 40;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern NUMBER = Pattern.compile("\\d{1,4}");

    public ProfileForm {
        areas = areas == null
                ? List.of()
                : areas.stream()
                        .filter(Objects::nonNull)
                        .map(String::strip)
                        .distinct()
                        .toList();
        age = strip(age);
        postalCode = strip(postalCode);
        travelKm = strip(travelKm);
        email = strip(email);
    }

    static ProfileForm empty() {
        return new ProfileForm(null, List.of(), "", "", "", "", "50", "yes", null, "");
    }

    /** The form with one more condition ticked; unchanged for null. */
    ProfileForm withArea(String area) {
        if (area == null || areas.contains(area)) {
            return this;
        }
        var more = new java.util.ArrayList<>(areas);
        more.add(area);
        return new ProfileForm(
                consent, more, age, sex, healthy, postalCode, travelKm, notifyPortal, notifyEmail, email);
    }

    /** The form as the stored profile fills it (consent unticked: it is given again with each change). */
    static ProfileForm of(InterestProfile p) {
        return new ProfileForm(
                null,
                p.areas(),
                Integer.toString(p.ageOn(java.time.LocalDate.now())),
                p.sex(),
                p.healthyVolunteer() ? "yes" : "no",
                p.postalCode(),
                Integer.toString(p.travelKm()),
                p.notifyInPortal() ? "yes" : null,
                p.email() != null ? "yes" : null,
                p.email() == null ? "" : p.email());
    }

    Map<String, String> errors(ConditionVocabulary vocabulary, PostalCodes postalCodes) {
        var errors = new LinkedHashMap<String, String>();
        if (areas.size() > MAX_AREAS
                || areas.stream().anyMatch(id -> vocabulary.concept(id).isEmpty())) {
            errors.put("areas", "profile.error.areas");
        } else if (areas.isEmpty() && !"yes".equals(healthy)) {
            errors.put("areas", "profile.error.noAreas");
        }
        if (!NUMBER.matcher(age).matches() || Integer.parseInt(age) > 120) {
            errors.put("age", "profile.error.age");
        }
        if (!List.of("male", "female", "other").contains(sex)) {
            errors.put("sex", "profile.error.sex");
        }
        if (!List.of("yes", "no").contains(healthy)) {
            errors.put("healthy", "profile.error.healthy");
        }
        if (postalCodes.find(postalCode).isEmpty()) {
            errors.put("postalCode", "profile.error.postalCode");
        }
        if (!NUMBER.matcher(travelKm).matches() || Integer.parseInt(travelKm) < 1 || Integer.parseInt(travelKm) > 500) {
            errors.put("travelKm", "profile.error.travelKm");
        }
        if (!"yes".equals(notifyPortal) && !"yes".equals(notifyEmail)) {
            errors.put("channel", "profile.error.channel");
        } else if ("yes".equals(notifyEmail) && !EMAIL.matcher(email).matches()) {
            errors.put("email", "profile.error.email");
        }
        if (!"yes".equals(consent)) {
            errors.put("consent", "profile.error.consent");
        }
        return errors;
    }

    /** The details of a form without errors. */
    InterestProfile.Details details(PostalCodes postalCodes) {
        var point = postalCodes.find(postalCode).orElseThrow().point();
        return new InterestProfile.Details(
                areas,
                Integer.parseInt(age),
                sex,
                "yes".equals(healthy),
                postalCode,
                new Position(point.lat(), point.lon()),
                Integer.parseInt(travelKm),
                "yes".equals(notifyPortal),
                "yes".equals(notifyEmail) ? email : null);
    }

    public boolean chose(String area) {
        return areas.contains(area);
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }
}
