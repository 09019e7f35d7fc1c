package dk.trialport.fhir;

import ca.uhn.fhir.context.FhirContext;
import dk.trialport.catalogue.CatalogueException;
import dk.trialport.catalogue.CatalogueStore;
import dk.trialport.catalogue.TrialEdit;
import dk.trialport.catalogue.TrialEdit.Saved;
import dk.trialport.catalogue.TrialEdit.Stage;
import dk.trialport.catalogue.TrialEdits;
import dk.trialport.fhir.TrialportFhir.CodeSystems;
import dk.trialport.fhir.TrialportFhir.Extensions;
import dk.trialport.fhir.TrialportFhir.TrialIdentifier;
import dk.trialport.search.vocabulary.ConditionVocabulary;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Range;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The workspace's way into the catalogue: reads a trial as a {@link TrialEdit} and saves one as a transaction
 * through {@link BundleProcessor}, the path hospital systems use, so the trial is validated the same way and each
 * save is a new version of the ResearchStudy (new sites become Location and Organization in the same transaction).
 */
@Component
class TrialEditor implements TrialEdits {

    private static final String BASE = "workspace";

    private final CatalogueStore store;
    private final BundleProcessor bundles;
    private final FhirContext context;
    private final ConditionVocabulary vocabulary;

    TrialEditor(CatalogueStore store, BundleProcessor bundles, FhirContext context, ConditionVocabulary vocabulary) {
        this.store = store;
        this.bundles = bundles;
        this.context = context;
        this.vocabulary = vocabulary;
    }

    @Override
    public Mono<Loaded> read(String id) {
        return store.read("ResearchStudy", id)
                .filter(stored -> !stored.deleted())
                .map(stored -> new Loaded(
                        edit((ResearchStudy) context.newJsonParser().parseResource(stored.body())), stored.version()));
    }

    @Override
    public Mono<Saved> save(String id, Integer expectedVersion, TrialEdit edit) {
        var current = id == null
                ? Mono.just(new ResearchStudy())
                : store.read("ResearchStudy", id)
                        .filter(stored -> !stored.deleted())
                        .switchIfEmpty(Mono.error(new CatalogueException.NotFound("ResearchStudy", id)))
                        .map(stored -> (ResearchStudy) context.newJsonParser().parseResource(stored.body()));
        return current.flatMap(study -> {
                    var bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
                    var sites = new ArrayList<Reference>();
                    edit.siteIds().forEach(siteId -> sites.add(new Reference("Location/" + siteId)));
                    for (var site : edit.newSites()) {
                        var departmentUrl = urn();
                        bundle.addEntry()
                                .setFullUrl(departmentUrl)
                                .setResource(TrialEditMapping.department(site))
                                .getRequest()
                                .setMethod(Bundle.HTTPVerb.POST)
                                .setUrl("Organization");
                        var locationUrl = urn();
                        bundle.addEntry()
                                .setFullUrl(locationUrl)
                                .setResource(TrialEditMapping.location(site, departmentUrl))
                                .getRequest()
                                .setMethod(Bundle.HTTPVerb.POST)
                                .setUrl("Location");
                        sites.add(new Reference(locationUrl));
                    }
                    TrialEditMapping.apply(edit, study, sites, vocabulary);
                    study.setId((String) null);
                    study.setMeta(null);
                    var entry = bundle.addEntry()
                            .setFullUrl(id == null ? urn() : null)
                            .setResource(study);
                    entry.getRequest()
                            .setMethod(id == null ? Bundle.HTTPVerb.POST : Bundle.HTTPVerb.PUT)
                            .setUrl(id == null ? "ResearchStudy" : "ResearchStudy/" + id);
                    if (id != null) {
                        study.setId(id);
                        if (expectedVersion != null) {
                            entry.getRequest().setIfMatch(ETags.of(expectedVersion));
                        }
                    }
                    return bundles.transaction(bundle, BASE);
                })
                .map(response -> {
                    var location = response.getEntry()
                            .getLast()
                            .getResponse()
                            .getLocation()
                            .split("/");
                    return new Saved(location[1], Integer.parseInt(location[3]));
                })
                .onErrorMap(
                        FhirProblem.class,
                        problem -> new Rejected(
                                problem.issues().stream()
                                        .map(issue -> issue.message())
                                        .toList(),
                                false))
                .onErrorMap(
                        CatalogueException.VersionConflict.class,
                        conflict -> new Rejected(List.of(conflict.getMessage()), true));
    }

    private TrialEdit edit(ResearchStudy study) {
        var label = study.getExtensionsByUrl(Extensions.LABEL).stream()
                .map(l -> l.getExtensionByUrl("value"))
                .filter(v -> v != null && v.getValue() instanceof org.hl7.fhir.r4.model.StringType)
                .map(Extension::getValue)
                .findFirst()
                .orElse(null);
        var summary = study.getExtensionByUrl(Extensions.DESCRIPTION_SUMMARY);
        var laySummary = summary == null ? null : (org.hl7.fhir.r4.model.PrimitiveType<?>) summary.getValue();
        var group = TrialProjector.eligibilityGroup(study);
        var age = group == null ? null : TrialProjector.characteristic(group, CodeSystems.LOINC, "30525-0");
        var ages = age != null && age.getValue() instanceof Range range ? range : null;
        var sex = group == null ? null : TrialProjector.characteristic(group, CodeSystems.SNOMED, "263495000");
        var healthy = group == null
                ? null
                : TrialProjector.characteristic(group, CodeSystems.ELIGIBILITY, "healthy-volunteers");
        var criteria = group == null ? null : group.getExtensionByUrl(Extensions.ELIGIBILITY_CRITERIA);
        var split = TrialEditMapping.splitCriteria(
                criteria == null ? null : criteria.getValue().primitiveValue());
        return new TrialEdit(
                study.getTitle(),
                TrialEditMapping.danish(study.getTitleElement()),
                label == null ? null : TrialEditMapping.danish(label),
                label == null ? null : label.primitiveValue(),
                study.getDescription(),
                TrialEditMapping.danish(study.getDescriptionElement()),
                TrialEditMapping.danish(laySummary),
                laySummary == null ? null : laySummary.primitiveValue(),
                TrialEditMapping.concepts(study, vocabulary),
                ages != null && ages.hasLow() ? ages.getLow().getValue().intValue() : null,
                ages != null && ages.hasHigh() ? ages.getHigh().getValue().intValue() : null,
                sex != null && sex.getValue() instanceof CodeableConcept concept
                        ? concept.getCodingFirstRep().getCode()
                        : null,
                healthy != null && healthy.getValue() instanceof BooleanType value ? value.getValue() : null,
                split[0],
                split[1],
                study.getSite().stream()
                        .map(site -> site.getReferenceElement().getIdPart())
                        .filter(s -> s != null)
                        .toList(),
                List.of(),
                study.getContact().stream().map(TrialEditMapping::contact).toList(),
                TrialEditMapping.identifier(study, TrialIdentifier.EU_CT),
                TrialEditMapping.identifier(study, TrialIdentifier.NCT),
                TrialEditMapping.identifier(study, TrialIdentifier.LOCAL_PROTOCOL),
                Stage.of(study.hasStatus() ? study.getStatus().toCode() : null));
    }

    private static String urn() {
        return "urn:uuid:" + UUID.randomUUID();
    }
}
