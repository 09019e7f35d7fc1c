package dk.trialport.portal;

import dk.trialport.catalogue.Trial;
import dk.trialport.catalogue.TrialDetails;
import dk.trialport.search.vocabulary.PostalCodes;
import java.util.List;
import java.util.Locale;

/** The answers of "Could this be for me?" as the trial page writes them. */
final class CheckRows {

    private CheckRows() {}

    static List<TrialView.CheckRow> rows(
            Trial trial, TrialDetails details, PersonForm form, PostalCodes postalCodes, Texts texts) {
        var person = form.person(postalCodes);
        var eligibility = new EligibilityCheck.Eligibility(
                details.eligibilityStated(),
                trial.minimumAgeYears(),
                trial.maximumAgeYears(),
                trial.sex(),
                trial.healthyVolunteers());
        return EligibilityCheck.check(eligibility, person, TrialViews.points(details)).stream()
                .map(outcome -> row(outcome, arguments(outcome, trial, person, form, texts), texts))
                .toList();
    }

    private static TrialView.CheckRow row(EligibilityCheck.Outcome outcome, Object[] arguments, Texts texts) {
        var answer = outcome.answer().name().toLowerCase(Locale.ROOT);
        return new TrialView.CheckRow(
                texts.get("check.criterion." + outcome.criterion()),
                answer,
                texts.get("check.answer." + answer),
                texts.get("check." + outcome.criterion() + "." + outcome.reason(), arguments));
    }

    private static Object[] arguments(
            EligibilityCheck.Outcome outcome,
            Trial trial,
            EligibilityCheck.Person person,
            PersonForm form,
            Texts texts) {
        return switch (outcome.criterion()) {
            case "age" ->
                new Object[] {
                    texts.number(person.age()), texts.ageRange(trial.minimumAgeYears(), trial.maximumAgeYears())
                };
            case "distance" ->
                new Object[] {
                    outcome.site(),
                    outcome.distanceKm() == null ? "" : texts.number(Math.round(outcome.distanceKm())),
                    form.postalCode()
                };
            default -> new Object[0];
        };
    }
}
