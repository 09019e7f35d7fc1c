package dk.trialport.portal;

import dk.trialport.catalogue.Trial;
import dk.trialport.catalogue.TrialDetails;
import dk.trialport.search.vocabulary.Code;
import dk.trialport.search.vocabulary.CodedCondition;
import dk.trialport.search.vocabulary.ConditionVocabulary;
import dk.trialport.search.vocabulary.GeoPoint;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/** Puts a trial's projection and details together as its page shows them, in the reader's language. */
final class TrialViews {

    private static final ZoneId DENMARK = ZoneId.of("Europe/Copenhagen");

    private TrialViews() {}

    static TrialView view(
            Trial trial, TrialDetails details, GeoPoint from, Texts texts, ConditionVocabulary vocabulary) {
        var page = texts.english() ? "en" : "da";
        var title = firstOf(
                texts.english() ? languaged(trial.layTitleEn(), "en") : languaged(trial.layTitleDa(), "da"),
                languaged(trial.layTitleDa(), "da"),
                languaged(trial.layTitleEn(), "en"),
                // Registry and protocol titles are English (ClinicalTrials.gov, CTIS, the workspace's "titleEn").
                languaged(trial.title(), "en"));
        var summary = texts.english()
                ? firstOf(languaged(trial.summaryEn(), "en"), languaged(trial.summaryDa(), "da"))
                : firstOf(languaged(trial.summaryDa(), "da"), languaged(trial.summaryEn(), "en"));
        return new TrialView(
                trial.id(),
                title == null ? null : title.value(),
                title == null ? null : other(title.lang(), page),
                summary == null ? null : summary.value(),
                summary == null ? null : other(summary.lang(), page),
                trial.title(),
                other("en", page),
                details.description(),
                TextLanguage.ifOther(details.description(), texts.locale()),
                TextLanguage.ifOther(details.criteria(), texts.locale()),
                trial.recruitmentStatus() == null ? null : texts.facet("status", trial.recruitmentStatus()),
                trial.isOpenForInterest(),
                trial.phases().stream()
                        .map(phase -> texts.facet("phase", phase))
                        .toList(),
                ConditionNames.of(
                        trial.conditions().stream()
                                .map(condition -> new CodedCondition(
                                        condition.text(),
                                        condition.codes().stream()
                                                .map(code -> new Code(code.system(), code.code()))
                                                .toList()))
                                .toList(),
                        vocabulary,
                        texts),
                trial.sponsor(),
                details.eligibilityStated()
                        ? texts.ageRange(trial.minimumAgeYears(), trial.maximumAgeYears())
                        : texts.get("trial.notStated"),
                details.eligibilityStated() ? texts.sex(trial.sex()) : texts.get("trial.notStated"),
                texts.get(
                        "trial.healthy." + (trial.healthyVolunteers() == null ? "unknown" : trial.healthyVolunteers())),
                texts.get("trial.decentralized." + Boolean.TRUE.equals(trial.decentralized())),
                CriteriaText.blocks(details.criteria()),
                sites(details.sites(), from, texts),
                details.contacts().stream()
                        .map(contact -> Contacts.view(contact, texts))
                        .toList(),
                RegistryLinks.of(trial.identifiers(), texts),
                DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                        .withLocale(texts.locale())
                        .format(trial.lastUpdated().atZone(DENMARK)));
    }

    private static TrialView.Text languaged(String value, String lang) {
        return value == null || value.isBlank() ? null : new TrialView.Text(value, lang);
    }

    private static String other(String lang, String page) {
        return lang == null || lang.equals(page) ? null : lang;
    }

    /** The sites, nearest first when the person gave a place. */
    private static List<TrialView.SiteView> sites(List<TrialDetails.SiteDetails> sites, GeoPoint from, Texts texts) {
        var ordered = from == null
                ? sites
                : sites.stream()
                        .sorted(Comparator.comparingDouble(
                                site -> distance(site, from) == null ? Double.MAX_VALUE : distance(site, from)))
                        .toList();
        return ordered.stream().map(site -> site(site, from, texts)).toList();
    }

    private static TrialView.SiteView site(TrialDetails.SiteDetails details, GeoPoint from, Texts texts) {
        var site = details.site();
        var km = from == null ? null : distance(details, from);
        var town = String.join(
                " ",
                Stream.of(site.postalCode(), site.city())
                        .filter(Objects::nonNull)
                        .toList());
        return new TrialView.SiteView(
                site.name(),
                details.department() == null || details.department().equals(site.name()) ? null : details.department(),
                site.line(),
                town.isEmpty() ? null : town,
                site.region(),
                km == null ? null : texts.get("trial.site.distance", texts.number(Math.round(km))),
                details.contacts().stream()
                        .map(contact -> Contacts.view(contact, texts))
                        .toList());
    }

    private static Double distance(TrialDetails.SiteDetails details, GeoPoint from) {
        var site = details.site();
        return site.hasPosition() ? new GeoPoint(site.latitude(), site.longitude()).distanceKm(from) : null;
    }

    /** The sites that have a position, for the distance answer. */
    static List<EligibilityCheck.SitePoint> points(TrialDetails details) {
        return details.sites().stream()
                .map(TrialDetails.SiteDetails::site)
                .filter(site -> site.hasPosition())
                .map(site ->
                        new EligibilityCheck.SitePoint(site.name(), new GeoPoint(site.latitude(), site.longitude())))
                .toList();
    }

    private static TrialView.Text firstOf(TrialView.Text... values) {
        for (var value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
