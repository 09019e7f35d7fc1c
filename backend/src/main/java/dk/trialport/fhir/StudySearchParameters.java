package dk.trialport.fhir;

import dk.trialport.catalogue.TrialCriteria;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.SearchParameter;
import org.springframework.http.HttpStatus;
import org.springframework.util.MultiValueMap;

/**
 * The trial search parameters of {@code GET /fhir/ResearchStudy}: R4's {@code status} and
 * {@code title}, and Trialport's own {@code recruitment-status}, {@code phase}, {@code condition}
 * (with {@code :text}), {@code age} and {@code sex}, each also published as a SearchParameter.
 */
final class StudySearchParameters {

    /** One parameter: name, type and what it matches. */
    record Definition(String name, Enumerations.SearchParamType type, String expression, String description) {

        String id() {
            return "researchstudy-" + name;
        }

        String url() {
            return TrialportFhir.BASE + "/SearchParameter/" + id();
        }

        SearchParameter resource() {
            var parameter = new SearchParameter()
                    .setName(name)
                    .setCode(name)
                    .setType(type)
                    .setExpression(expression)
                    .setDescription(description)
                    .setStatus(Enumerations.PublicationStatus.ACTIVE)
                    .setUrl(url());
            parameter.setId(id());
            parameter.addBase("ResearchStudy");
            if (name.equals("condition")) {
                parameter.addModifier(SearchParameter.SearchModifierCode.TEXT);
            }
            return parameter;
        }
    }

    static final List<Definition> ALL = List.of(
            new Definition(
                    "status",
                    Enumerations.SearchParamType.TOKEN,
                    "ResearchStudy.status",
                    "The R4 status of the trial (active, approved, closed-to-accrual, completed, in-review, …)"),
            new Definition(
                    "title",
                    Enumerations.SearchParamType.STRING,
                    "ResearchStudy.title",
                    "Words anywhere in the scientific title or the Danish or English plain-language title"),
            new Definition(
                    "recruitment-status",
                    Enumerations.SearchParamType.TOKEN,
                    "ResearchStudy.extension('" + TrialportFhir.Extensions.RECRUITMENT_STATUS + "').value",
                    "Recruitment status as patients read it: recruiting, not-yet-recruiting, active-not-recruiting, completed, …"),
            new Definition(
                    "phase",
                    Enumerations.SearchParamType.TOKEN,
                    "ResearchStudy.phase",
                    "Trial phase (research-study-phase codes, e.g. phase-3)"),
            new Definition(
                    "condition",
                    Enumerations.SearchParamType.TOKEN,
                    "ResearchStudy.condition",
                    "A condition code (system|code, e.g. SKS DE11 or a MeSH id); condition:text matches words in its name"),
            new Definition(
                    "age",
                    Enumerations.SearchParamType.NUMBER,
                    "ResearchStudy.enrollment",
                    "A person's age in years: trials whose eligible age range includes it (a missing bound is open)"),
            new Definition(
                    "sex",
                    Enumerations.SearchParamType.TOKEN,
                    "ResearchStudy.enrollment",
                    "male or female: trials open to that sex, including trials open to anyone"));

    static final Set<String> NAMES = Set.of(
            "status",
            "title",
            "title:contains",
            "recruitment-status",
            "phase",
            "condition",
            "condition:text",
            "age",
            "sex",
            "date");

    /** R4's standard {@code date} parameter of ResearchStudy: the trial's period. */
    static final String DATE_DEFINITION = "http://hl7.org/fhir/SearchParameter/ResearchStudy-date";

    /** The recruitment statuses a trial can have (Trialport's recruitment-status code system). */
    static final Set<String> RECRUITMENT_STATUSES = Set.of(
            "recruiting",
            "not-yet-recruiting",
            "active-not-recruiting",
            "enrolling-by-invitation",
            "suspended",
            "terminated",
            "completed",
            "withdrawn",
            "unknown");

    private static final Set<String> PERIOD_PREFIXES = Set.of("eq", "gt", "ge", "lt", "le", "sa", "eb");

    private StudySearchParameters() {}

    static TrialCriteria criteria(MultiValueMap<String, String> params) {
        String system = null;
        String code = null;
        var condition = params.getFirst("condition");
        if (condition != null) {
            system = condition.contains("|") ? emptyToNull(condition.substring(0, condition.indexOf('|'))) : null;
            code = condition.contains("|") ? condition.substring(condition.indexOf('|') + 1) : condition;
        }
        var title = params.getFirst("title") != null ? params.getFirst("title") : params.getFirst("title:contains");
        return new TrialCriteria(
                statuses(params),
                recruitmentStatuses(params),
                values(params, "phase"),
                system,
                code,
                params.getFirst("condition:text"),
                title,
                age(params.getFirst("age")),
                sex(params.getFirst("sex")),
                params.getOrDefault("date", List.of()).stream()
                        .map(value -> {
                            var bound = DateBound.parse("date", value, PERIOD_PREFIXES);
                            return new TrialCriteria.DateRange(bound.prefix(), bound.start(), bound.end());
                        })
                        .toList());
    }

    /** R4 ResearchStudy status codes; an unknown one is 400. */
    static List<String> statuses(MultiValueMap<String, String> params) {
        var statuses = values(params, "status");
        for (var status : statuses) {
            try {
                org.hl7.fhir.r4.model.ResearchStudy.ResearchStudyStatus.fromCode(status);
            } catch (org.hl7.fhir.exceptions.FHIRException e) {
                throw new FhirProblem(
                        HttpStatus.BAD_REQUEST,
                        "value",
                        "status=" + status + " is not an R4 ResearchStudy "
                                + "status (active, administratively-completed, approved, closed-to-accrual, closed-to-accrual-and-"
                                + "intervention, completed, disapproved, in-review, temporarily-closed-to-accrual, temporarily-closed-to-"
                                + "accrual-and-intervention, withdrawn)",
                        "status");
            }
        }
        return statuses;
    }

    static List<String> recruitmentStatuses(MultiValueMap<String, String> params) {
        var statuses = values(params, "recruitment-status");
        statuses.forEach(status -> recruitmentStatus("recruitment-status", status));
        return statuses;
    }

    /** A known recruitment status, or 400 naming {@code parameter}. */
    static String recruitmentStatus(String parameter, String status) {
        if (!RECRUITMENT_STATUSES.contains(status)) {
            throw new FhirProblem(
                    HttpStatus.BAD_REQUEST,
                    "value",
                    parameter + "=" + status + " is not a recruitment status; use one of "
                            + String.join(", ", new java.util.TreeSet<>(RECRUITMENT_STATUSES)),
                    parameter);
        }
        return status;
    }

    private static List<String> values(MultiValueMap<String, String> params, String name) {
        var value = params.getFirst(name);
        return value == null
                ? List.of()
                : Arrays.stream(value.split(","))
                        .map(String::trim)
                        .filter(v -> !v.isEmpty())
                        .toList();
    }

    private static Double age(String value) {
        if (value == null) {
            return null;
        }
        try {
            var age = Double.parseDouble(value.replaceFirst("^eq", ""));
            if (!(age >= 0 && age <= 150)) {
                throw new NumberFormatException();
            }
            return age;
        } catch (NumberFormatException e) {
            throw new FhirProblem(
                    HttpStatus.BAD_REQUEST,
                    "value",
                    "age must be a number of years from 0 to 150, not " + value,
                    "age");
        }
    }

    private static String sex(String value) {
        if (value == null || value.equals("male") || value.equals("female")) {
            return value;
        }
        throw new FhirProblem(HttpStatus.BAD_REQUEST, "value", "sex must be male or female, not " + value, "sex");
    }

    private static String emptyToNull(String value) {
        return value.isEmpty() ? null : value;
    }
}
