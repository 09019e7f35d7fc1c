package dk.trialport.workspace;

import dk.trialport.catalogue.TrialEdit;
import dk.trialport.catalogue.TrialEdit.Stage;
import dk.trialport.search.vocabulary.ConditionVocabulary;
import dk.trialport.search.vocabulary.PostalCodes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The trial form as entered: texts, conditions, eligibility, existing sites picked and new ones as parallel rows,
 * contacts as parallel rows, identifiers, the organization (on create), the version it was read at and the button
 * pressed ({@code action}: draft, publish, save, close, addSite, addContact). Public so that templates can read it.
 */
public record TrialForm(
        String titleEn,
        String titleDa,
        String layTitleDa,
        String layTitleEn,
        String summaryEn,
        String summaryDa,
        String laySummaryDa,
        String laySummaryEn,
        List<String> conditions,
        String minAge,
        String maxAge,
        String sex,
        String healthy,
        String inclusion,
        String exclusion,
        List<String> siteIds,
        List<String> siteName,
        List<String> siteLine,
        List<String> sitePostalCode,
        List<String> contactName,
        List<String> contactPhone,
        List<String> contactEmail,
        String euCt,
        String nct,
        String protocol,
        String organization,
        String version,
        String action) {

    private static final Pattern AGE = Pattern.compile("\\d{1,3}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern NCT = Pattern.compile("NCT\\d{8}");
    private static final Pattern EU_CT = Pattern.compile("\\d{4}-5\\d{5}-\\d{2}-\\d{2}");
    private static final Pattern POSTAL_CODE = Pattern.compile("\\d{4}");
    private static final int LONGEST = 4000;

    /** A new site as entered. Public so that templates can read it. */
    public record SiteRow(String name, String line, String postalCode) {

        boolean isBlank() {
            return name.isEmpty() && line.isEmpty() && postalCode.isEmpty();
        }
    }

    /** A contact as entered. Public so that templates can read it. */
    public record ContactRow(String name, String phone, String email) {

        boolean isBlank() {
            return name.isEmpty() && phone.isEmpty() && email.isEmpty();
        }
    }

    public TrialForm {
        titleEn = strip(titleEn);
        titleDa = strip(titleDa);
        layTitleDa = strip(layTitleDa);
        layTitleEn = strip(layTitleEn);
        summaryEn = strip(summaryEn);
        summaryDa = strip(summaryDa);
        laySummaryDa = strip(laySummaryDa);
        laySummaryEn = strip(laySummaryEn);
        conditions =
                list(conditions).stream().filter(c -> !c.isEmpty()).distinct().toList();
        minAge = strip(minAge);
        maxAge = strip(maxAge);
        sex = strip(sex);
        healthy = strip(healthy);
        inclusion = strip(inclusion);
        exclusion = strip(exclusion);
        siteIds = list(siteIds).stream().filter(c -> !c.isEmpty()).distinct().toList();
        siteName = list(siteName);
        siteLine = list(siteLine);
        sitePostalCode = list(sitePostalCode);
        contactName = list(contactName);
        contactPhone = list(contactPhone);
        contactEmail = list(contactEmail);
        euCt = strip(euCt);
        nct = strip(nct).toUpperCase(java.util.Locale.ROOT);
        protocol = strip(protocol);
        organization = strip(organization);
        version = strip(version);
        action = strip(action);
    }

    /** An empty form for a new trial of this organization's team (null: the caller picks one). */
    static TrialForm forOrganization(String organization) {
        return new TrialForm(
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                organization,
                null,
                null);
    }

    /** The form of a stored trial, read at {@code version}. */
    static TrialForm of(TrialEdit t, int version) {
        return new TrialForm(
                t.titleEn(),
                t.titleDa(),
                t.layTitleDa(),
                t.layTitleEn(),
                t.summaryEn(),
                t.summaryDa(),
                t.laySummaryDa(),
                t.laySummaryEn(),
                t.conditions(),
                number(t.minimumAge()),
                number(t.maximumAge()),
                t.sex(),
                t.healthyVolunteers() == null ? "" : t.healthyVolunteers() ? "yes" : "no",
                t.inclusion(),
                t.exclusion(),
                t.siteIds(),
                null,
                null,
                null,
                t.contacts().stream().map(TrialEdit.Contact::name).toList(),
                t.contacts().stream().map(TrialEdit.Contact::phone).toList(),
                t.contacts().stream().map(TrialEdit.Contact::email).toList(),
                t.euCtNumber(),
                t.nctNumber(),
                t.localProtocol(),
                null,
                Integer.toString(version),
                null);
    }

    /**
     * The form with its rows read from the posted data as they are: binding one value to a list would split it at its
     * commas ("Rigshospitalet, Onkologisk Klinik").
     */
    TrialForm withRowsFrom(org.springframework.util.MultiValueMap<String, String> data) {
        return new TrialForm(
                titleEn,
                titleDa,
                layTitleDa,
                layTitleEn,
                summaryEn,
                summaryDa,
                laySummaryDa,
                laySummaryEn,
                conditions,
                minAge,
                maxAge,
                sex,
                healthy,
                inclusion,
                exclusion,
                siteIds,
                data.get("siteName"),
                data.get("siteLine"),
                data.get("sitePostalCode"),
                data.get("contactName"),
                data.get("contactPhone"),
                data.get("contactEmail"),
                euCt,
                nct,
                protocol,
                organization,
                version,
                action);
    }

    /** The new sites entered, blank rows left out. */
    public List<SiteRow> siteRows() {
        var rows = new ArrayList<SiteRow>();
        for (int i = 0; i < Math.max(siteName.size(), Math.max(siteLine.size(), sitePostalCode.size())); i++) {
            rows.add(new SiteRow(at(siteName, i), at(siteLine, i), at(sitePostalCode, i)));
        }
        return rows.stream().filter(row -> !row.isBlank()).toList();
    }

    /** The contacts entered, blank rows left out. */
    public List<ContactRow> contactRows() {
        var rows = new ArrayList<ContactRow>();
        for (int i = 0; i < Math.max(contactName.size(), Math.max(contactPhone.size(), contactEmail.size())); i++) {
            rows.add(new ContactRow(at(contactName, i), at(contactPhone, i), at(contactEmail, i)));
        }
        return rows.stream().filter(row -> !row.isBlank()).toList();
    }

    public boolean chose(String condition) {
        return conditions.contains(condition);
    }

    /**
     * What is wrong, field → message key. A trial to publish needs more than a draft: a lay summary, a condition, a
     * site and a contact. {@code organizations} are those the caller may pick from on create (null: no choice asked).
     */
    Map<String, String> errors(
            Stage stage, ConditionVocabulary vocabulary, PostalCodes postalCodes, Set<String> organizations) {
        var errors = new LinkedHashMap<String, String>();
        if (organizations != null && !organizations.contains(organization)) {
            errors.put("organization", "workspace.error.organization");
        }
        required(errors, "titleEn", titleEn);
        required(errors, "layTitleDa", layTitleDa);
        Map.of(
                        "titleDa",
                        titleDa,
                        "layTitleEn",
                        layTitleEn,
                        "summaryEn",
                        summaryEn,
                        "summaryDa",
                        summaryDa,
                        "laySummaryDa",
                        laySummaryDa,
                        "laySummaryEn",
                        laySummaryEn,
                        "inclusion",
                        inclusion,
                        "exclusion",
                        exclusion)
                .forEach((field, value) -> {
                    if (value.length() > LONGEST) {
                        errors.put(field, "workspace.error.tooLong");
                    }
                });
        if (conditions.stream().anyMatch(id -> vocabulary.concept(id).isEmpty())) {
            errors.put("conditions", "workspace.error.conditions");
        }
        ages(errors);
        if (!List.of("", "male", "female").contains(sex)) {
            errors.put("sex", "workspace.error.sex");
        }
        if (!List.of("", "yes", "no").contains(healthy)) {
            errors.put("healthy", "workspace.error.healthy");
        }
        var sites = siteRows();
        for (int i = 0; i < sites.size(); i++) {
            var site = sites.get(i);
            required(errors, "siteName-" + i, site.name());
            required(errors, "siteLine-" + i, site.line());
            if (!POSTAL_CODE.matcher(site.postalCode()).matches()
                    || postalCodes.find(site.postalCode()).isEmpty()) {
                errors.put("sitePostalCode-" + i, "workspace.error.postalCode");
            }
        }
        var contacts = contactRows();
        for (int i = 0; i < contacts.size(); i++) {
            required(errors, "contactName-" + i, contacts.get(i).name());
            if (!contacts.get(i).email().isEmpty()
                    && !EMAIL.matcher(contacts.get(i).email()).matches()) {
                errors.put("contactEmail-" + i, "workspace.error.email");
            }
        }
        if (!euCt.isEmpty() && !EU_CT.matcher(euCt).matches()) {
            errors.put("euCt", "workspace.error.euCt");
        }
        if (!nct.isEmpty() && !NCT.matcher(nct).matches()) {
            errors.put("nct", "workspace.error.nct");
        }
        if (stage != Stage.DRAFT) {
            toPublish(errors, sites, contacts);
        }
        return errors;
    }

    private void toPublish(Map<String, String> errors, List<SiteRow> sites, List<ContactRow> contacts) {
        if (laySummaryDa.isEmpty()) {
            errors.putIfAbsent("laySummaryDa", "workspace.error.publish.laySummary");
        }
        if (conditions.isEmpty()) {
            errors.putIfAbsent("conditions", "workspace.error.publish.conditions");
        }
        if (siteIds.isEmpty() && sites.isEmpty()) {
            errors.putIfAbsent("sites", "workspace.error.publish.sites");
        }
        if (contacts.isEmpty()) {
            errors.putIfAbsent("contacts", "workspace.error.publish.contacts");
        }
    }

    private void ages(Map<String, String> errors) {
        var min = age(minAge);
        var max = age(maxAge);
        if (!minAge.isEmpty() && min == null) {
            errors.put("minAge", "workspace.error.age");
        }
        if (!maxAge.isEmpty() && max == null) {
            errors.put("maxAge", "workspace.error.age");
        }
        if (min != null && max != null && min > max) {
            errors.put("maxAge", "workspace.error.ageRange");
        }
    }

    /** The trial as the catalogue takes it; the form has no errors. */
    TrialEdit edit(Stage stage, PostalCodes postalCodes) {
        var newSites = siteRows().stream()
                .map(row -> {
                    var place = postalCodes.find(row.postalCode()).orElseThrow();
                    return new TrialEdit.NewSite(
                            row.name(),
                            row.line(),
                            row.postalCode(),
                            place.town(),
                            place.region(),
                            place.point().lat(),
                            place.point().lon());
                })
                .toList();
        var contacts = contactRows().stream()
                .map(row -> new TrialEdit.Contact(row.name(), orNull(row.phone()), orNull(row.email())))
                .toList();
        return new TrialEdit(
                titleEn,
                orNull(titleDa),
                orNull(layTitleDa),
                orNull(layTitleEn),
                orNull(summaryEn),
                orNull(summaryDa),
                orNull(laySummaryDa),
                orNull(laySummaryEn),
                conditions,
                age(minAge),
                age(maxAge),
                orNull(sex),
                healthy.isEmpty() ? null : "yes".equals(healthy),
                orNull(inclusion),
                orNull(exclusion),
                siteIds,
                newSites,
                contacts,
                orNull(euCt),
                orNull(nct),
                orNull(protocol),
                stage);
    }

    Integer versionRead() {
        return version.matches("\\d{1,9}") ? Integer.valueOf(version) : null;
    }

    private static Integer age(String value) {
        return AGE.matcher(value).matches() && Integer.parseInt(value) <= 120 ? Integer.valueOf(value) : null;
    }

    private static void required(Map<String, String> errors, String field, String value) {
        if (value.isEmpty()) {
            errors.put(field, "workspace.error.required");
        }
    }

    private static String at(List<String> values, int i) {
        return i < values.size() ? values.get(i) : "";
    }

    private static List<String> list(List<String> values) {
        return values == null
                ? List.of()
                : values.stream().map(v -> v == null ? "" : v.strip()).toList();
    }

    private static String number(Integer value) {
        return value == null ? "" : value.toString();
    }

    private static String orNull(String value) {
        return value.isEmpty() ? null : value;
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }
}
