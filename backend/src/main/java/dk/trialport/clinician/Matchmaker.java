package dk.trialport.clinician;

import dk.trialport.catalogue.PublicTrials;
import dk.trialport.catalogue.Trial;
import dk.trialport.catalogue.TrialDetails;
import dk.trialport.fhir.TrialDetailsReader;
import dk.trialport.fhir.TrialMatching;
import dk.trialport.portal.Texts;
import dk.trialport.search.SearchPage;
import dk.trialport.search.vocabulary.Code;
import dk.trialport.search.vocabulary.CodedCondition;
import dk.trialport.search.vocabulary.ConditionVocabulary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs {@link TrialMatching} (the matching of {@code $match}) for a patient and says, for each fitting trial, why it
 * fits and what could not be checked: the conditions that match, age, sex, the nearest site, and the laboratory
 * results the trial's criteria speak of (HbA1c, eGFR) that the record has or lacks. Best fit first, nearest site
 * first among equally good fits.
 */
@Component
class Matchmaker {

    /** Criteria or conditions that make a laboratory result worth showing, by test. */
    private static final List<Lab> LABS = List.of(
            new Lab("hba1c", Pattern.compile("hba1c|a1c|glyc|diabet|sukkersyge", Pattern.CASE_INSENSITIVE)),
            new Lab(
                    "egfr",
                    Pattern.compile("egfr|glomerul|kidney|renal|nyre|creatinin|kreatinin", Pattern.CASE_INSENSITIVE)));

    private record Lab(String test, Pattern relevant) {}

    private final TrialMatching matching;
    private final PublicTrials trials;
    private final TrialDetailsReader details;
    private final ConditionVocabulary vocabulary;
    private final MessageSource messages;
    private final ClinicianProperties properties;

    Matchmaker(
            TrialMatching matching,
            PublicTrials trials,
            TrialDetailsReader details,
            ConditionVocabulary vocabulary,
            MessageSource messages,
            ClinicianProperties properties) {
        this.matching = matching;
        this.trials = trials;
        this.details = details;
        this.vocabulary = vocabulary;
        this.messages = messages;
        this.properties = properties;
    }

    /** The fitting open trials for the patient; fails with {@link TrialMatching.NoKnownCondition} as the matching. */
    Mono<List<MatchView>> match(PatientFacts patient, Locale locale) {
        var criteria = new TrialMatching.Criteria(
                patient.age(),
                patient.sex(),
                patient.conditions(),
                patient.postalCode(),
                patient.postalCode() == null ? null : properties.distanceKm(),
                null,
                null,
                properties.results(),
                locale);
        return matching.match(criteria)
                .flatMap(found -> Flux.fromIterable(ranked(found.matches()))
                        .concatMap(match -> trials.find(match.trial().id())
                                .zipWith(details.read(match.trial().id()))
                                .map(trial -> view(match, trial.getT1(), trial.getT2(), patient, locale)))
                        .collectList());
    }

    private static List<TrialMatching.Match> ranked(List<TrialMatching.Match> matches) {
        return matches.stream()
                .sorted(Comparator.comparingDouble((TrialMatching.Match m) -> -m.score())
                        .thenComparingDouble(m -> distance(m.trial())))
                .toList();
    }

    private static double distance(SearchPage.Item item) {
        var site = item.nearestSite();
        return site == null || site.distanceKm() == null ? Double.MAX_VALUE : site.distanceKm();
    }

    private MatchView view(
            TrialMatching.Match match, Trial trial, TrialDetails found, PatientFacts patient, Locale locale) {
        var texts = new Texts(messages, locale);
        var reasons = new ArrayList<String>();
        var unknowns = new ArrayList<String>();
        var item = match.trial();
        var concepts = trialConcepts(trial);
        var matched = matchedConditions(concepts, patient);
        if (!matched.isEmpty()) {
            reasons.add(texts.get(
                    "clinician.why.condition", conditionNames(trial, concepts, locale), String.join(", ", matched)));
        }
        ageAndSex(trial, found, patient, texts, reasons, unknowns);
        var site = item.nearestSite();
        String nearest = null;
        if (site != null) {
            var name = site.city() == null ? site.name() : site.name() + ", " + site.city();
            nearest = site.distanceKm() == null || patient.postalCode() == null
                    ? name
                    : texts.get("clinician.site.distance", name, texts.number(Math.round(site.distanceKm())));
        }
        if (patient.postalCode() != null && site != null && site.distanceKm() != null) {
            reasons.add(texts.get(
                    "clinician.why.distance", texts.number(Math.round(site.distanceKm())), patient.postalCode()));
        } else if (patient.postalCode() == null) {
            unknowns.add(texts.get(
                    patient.fromRecord() ? "clinician.unknown.postalCode.record" : "clinician.unknown.postalCode"));
        }
        var words = (found.criteria() == null ? "" : found.criteria()) + " "
                + trial.conditions().stream().map(Trial.Condition::text).collect(Collectors.joining(" "));
        for (var lab : LABS) {
            if (!lab.relevant().matcher(words).find()) {
                continue;
            }
            var label = texts.get("clinician.lab." + lab.test());
            var result = patient.labs() == null
                    ? null
                    : patient.labs().stream()
                            .filter(l -> l.test().equals(lab.test()))
                            .findFirst()
                            .orElse(null);
            if (result != null) {
                reasons.add(texts.get(
                        "clinician.why.lab",
                        label,
                        texts.number(result.value().doubleValue()),
                        LabResults.unit(result.unit(), locale),
                        LabResults.date(result.date(), locale)));
            } else {
                unknowns.add(texts.get(
                        patient.fromRecord() ? "clinician.unknown.lab.record" : "clinician.unknown.lab", label));
            }
        }
        if (found.criteria() != null) {
            unknowns.add(texts.get("clinician.unknown.criteria"));
        }
        return new MatchView(
                item.id(),
                item.title(),
                (int) Math.round(match.score() * 100),
                texts.facet("status", trial.effectiveRecruitmentStatus()),
                List.copyOf(reasons),
                List.copyOf(unknowns),
                nearest);
    }

    /** Age and sex: why they fit, or that the record (or the doctor) did not say. */
    private static void ageAndSex(
            Trial trial,
            TrialDetails found,
            PatientFacts patient,
            Texts texts,
            List<String> reasons,
            List<String> unknowns) {
        var range = texts.ageRange(trial.minimumAgeYears(), trial.maximumAgeYears());
        if (patient.age() == null) {
            unknowns.add(
                    texts.get(patient.fromRecord() ? "clinician.unknown.age.record" : "clinician.unknown.age", range));
        } else if (!found.eligibilityStated()) {
            unknowns.add(texts.get("clinician.unknown.eligibility"));
        } else {
            reasons.add(texts.get("clinician.why.age", texts.number(patient.age()), range));
        }
        if (found.eligibilityStated() && trial.sex() != null) {
            var sex = texts.get("sex." + trial.sex());
            if (patient.sex() == null) {
                unknowns.add(texts.get("clinician.unknown.sex", sex));
            } else {
                reasons.add(texts.get("clinician.why.sex", sex));
            }
        }
    }

    /** The trial's conditions as the vocabulary names them in the page's language (else as the trial wrote them). */
    private Set<String> trialConcepts(Trial trial) {
        return vocabulary.matched(trial.conditions().stream()
                .map(c -> new CodedCondition(
                        c.text(),
                        c.codes().stream()
                                .map(code -> new Code(code.system(), code.code()))
                                .toList()))
                .toList());
    }

    /** The patient's conditions (as the record names them) that this trial is about, or about a broader form of. */
    private List<String> matchedConditions(Set<String> trialConcepts, PatientFacts patient) {
        Set<String> covered = trialConcepts.stream()
                .flatMap(concept -> vocabulary.selfAndAncestors(concept).stream())
                .collect(Collectors.toSet());
        var names = new ArrayList<String>();
        for (var condition : patient.conditions()) {
            var fits = vocabulary.matched(List.of(condition)).stream()
                    .anyMatch(concept -> covered.contains(concept)
                            || vocabulary.selfAndAncestors(concept).stream().anyMatch(trialConcepts::contains));
            var name = condition.text() != null
                    ? condition.text()
                    : condition.codes().stream().map(Code::code).collect(Collectors.joining(", "));
            if (fits && !names.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    private String conditionNames(Trial trial, Set<String> trialConcepts, Locale locale) {
        if (!trialConcepts.isEmpty()) {
            return trialConcepts.stream()
                    .map(concept -> vocabulary.label(concept, locale))
                    .sorted()
                    .collect(Collectors.joining(", "));
        }
        return trial.conditions().stream()
                .map(Trial.Condition::text)
                .filter(text -> text != null && !text.isBlank())
                .distinct()
                .collect(Collectors.joining(", "));
    }
}
