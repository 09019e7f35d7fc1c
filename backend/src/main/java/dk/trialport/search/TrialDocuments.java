package dk.trialport.search;

import dk.trialport.catalogue.Freshness;
import dk.trialport.catalogue.Site;
import dk.trialport.catalogue.Trial;
import dk.trialport.search.vocabulary.Code;
import dk.trialport.search.vocabulary.CodedCondition;
import dk.trialport.search.vocabulary.ConditionVocabulary;
import dk.trialport.search.vocabulary.PostalCodes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/** Makes the index document of a trial: its projection, its sites, and its conditions expanded by the vocabulary. */
@Component
class TrialDocuments {

    private final ConditionVocabulary vocabulary;
    private final PostalCodes postalCodes;

    TrialDocuments(ConditionVocabulary vocabulary, PostalCodes postalCodes) {
        this.vocabulary = vocabulary;
        this.postalCodes = postalCodes;
    }

    TrialDocument document(Trial trial, List<Site> sites, Instant confirmedAt) {
        var coded = trial.conditions().stream()
                .map(c -> new CodedCondition(
                        c.text(),
                        c.codes().stream()
                                .map(code -> new Code(code.system(), code.code()))
                                .toList()))
                .toList();
        var expansion = vocabulary.expand(coded);
        var summaries = sites.stream().map(this::summary).toList();
        return new TrialDocument(
                trial.id(),
                trial.version(),
                trial.lastUpdated().toString(),
                trial.title(),
                trial.layTitleDa(),
                trial.layTitleEn(),
                trial.summaryDa(),
                trial.summaryEn(),
                trial.conditions().stream()
                        .map(Trial.Condition::text)
                        .filter(Objects::nonNull)
                        .toList(),
                List.copyOf(expansion.terms()),
                List.copyOf(expansion.conceptIds()),
                List.copyOf(vocabulary.matched(coded)),
                List.copyOf(expansion.areas()),
                codes(trial),
                trial.interventions(),
                trial.keywords(),
                trial.sponsor(),
                trial.identifiers().stream()
                        .map(Trial.Identifier::value)
                        .filter(Objects::nonNull)
                        .toList(),
                summaries.stream()
                        .flatMap(s -> Stream.of(s.name(), s.city(), s.postalCode()))
                        .filter(Objects::nonNull)
                        .toList(),
                trial.status(),
                trial.recruitmentStatus(),
                trial.phases(),
                trial.studyType(),
                new TrialDocument.AgeRange(trial.minimumAgeYears(), trial.maximumAgeYears()),
                trial.minimumAgeYears(),
                trial.maximumAgeYears(),
                trial.sex() == null ? TrialDocument.ANY_SEX : trial.sex(),
                trial.healthyVolunteers(),
                trial.decentralized(),
                trial.start(),
                distinct(summaries.stream().map(TrialDocument.SiteSummary::region)),
                distinct(summaries.stream().map(TrialDocument.SiteSummary::hospital)),
                summaries.stream()
                        .filter(s -> s.lat() != null && s.lon() != null)
                        .map(s -> new TrialDocument.Location(s.lat(), s.lon()))
                        .toList(),
                summaries,
                suggestions(trial, expansion.terms()),
                Freshness.freshUntil(trial, confirmedAt).toString());
    }

    /** A site as a result shows it; region and position from the postal code when the site gives none. */
    private TrialDocument.SiteSummary summary(Site site) {
        var place = site.postalCode() == null || !isDanish(site)
                ? null
                : postalCodes.find(site.postalCode()).orElse(null);
        var region = site.region() != null ? site.region() : place == null ? null : place.region();
        Double lat = site.latitude();
        Double lon = site.longitude();
        if (!site.hasPosition() && place != null) {
            lat = place.point().lat();
            lon = place.point().lon();
        }
        return new TrialDocument.SiteSummary(
                site.id(), site.name(), site.hospital(), site.city(), site.postalCode(), region, lat, lon);
    }

    private static boolean isDanish(Site site) {
        return site.country() == null
                || site.country().equalsIgnoreCase("DK")
                || site.country().equalsIgnoreCase("Denmark");
    }

    private static List<String> suggestions(Trial trial, List<String> conditionTerms) {
        var inputs = new LinkedHashSet<String>();
        Stream.of(trial.layTitleDa(), trial.layTitleEn())
                .filter(Objects::nonNull)
                .forEach(inputs::add);
        trial.conditions().stream()
                .map(Trial.Condition::text)
                .filter(Objects::nonNull)
                .forEach(inputs::add);
        inputs.addAll(conditionTerms);
        return new ArrayList<>(inputs.stream()
                .map(s -> s.length() > 100 ? s.substring(0, 100) : s)
                .toList());
    }

    /** Each condition code as {@code system|code} and as the bare code, for FHIR's token search. */
    private static List<String> codes(Trial trial) {
        return distinct(trial.conditions().stream()
                .flatMap(condition -> condition.codes().stream())
                .filter(code -> code.code() != null)
                .flatMap(code ->
                        Stream.of(code.code(), (code.system() == null ? "" : code.system()) + "|" + code.code())));
    }

    private static List<String> distinct(Stream<String> values) {
        return values.filter(Objects::nonNull).distinct().toList();
    }
}
