package dk.trialport.fhir;

import ca.uhn.fhir.context.FhirContext;
import dk.trialport.catalogue.CatalogueStore;
import dk.trialport.catalogue.ResourceContent;
import dk.trialport.catalogue.StoredResource;
import dk.trialport.catalogue.VersionStamp;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Validates and stores resources: plain, conditional and versioned writes, each with its
 * references checked, its meta set by the store's stamp and, for a trial, its projection.
 */
@Component
class ResourceWriter {

    /** What a write did: the stored version, and whether it created the resource. */
    record Outcome(StoredResource stored, boolean created) {

        static Outcome of(dk.trialport.catalogue.Written written) {
            return new Outcome(written.stored(), written.created());
        }
    }

    private final CatalogueStore store;
    private final ResourceIntake intake;
    private final ResourceFacts facts;
    private final TrialProjector projector;
    private final FhirContext context;

    ResourceWriter(
            CatalogueStore store,
            ResourceIntake intake,
            ResourceFacts facts,
            TrialProjector projector,
            FhirContext context) {
        this.store = store;
        this.intake = intake;
        this.facts = facts;
        this.projector = projector;
        this.context = context;
    }

    /** Creates, or with {@code ifNoneExist} returns the one existing match instead. */
    Mono<Outcome> create(Resource resource, String ifNoneExist) {
        intake.validate(resource);
        var type = resource.fhirType();
        if (ifNoneExist == null || ifNoneExist.isBlank()) {
            return checkReferences(resource)
                    .then(store.create(type, stamp -> content(resource, stamp)))
                    .map(Outcome::of);
        }
        var criterion = Criterion.parse(ifNoneExist, type);
        return store.exclusively(
                type + "|" + criterion, matches(type, criterion).collectList().flatMap(ids -> switch (ids.size()) {
                    case 0 ->
                        checkReferences(resource)
                                .then(store.create(type, stamp -> content(resource, stamp)))
                                .map(Outcome::of);
                    case 1 -> store.read(type, ids.get(0)).map(existing -> new Outcome(existing, false));
                    default ->
                        Mono.error(new FhirProblem(
                                HttpStatus.PRECONDITION_FAILED,
                                "multiple-matches",
                                "If-None-Exist " + ifNoneExist + " matches " + ids.size() + " resources",
                                null));
                }));
    }

    /** Creates or updates {@code type/id}; with {@code expectedVersion} only when that is current (else 412). */
    Mono<Outcome> update(Resource resource, String id, Integer expectedVersion) {
        intake.validate(resource);
        return checkReferences(resource)
                .then(store.put(resource.fhirType(), id, expectedVersion, stamp -> content(resource, stamp)))
                .map(Outcome::of);
    }

    /** {@code PUT Type?identifier=…}: updates the one match, creates when none, 412 when several. */
    Mono<Outcome> conditionalUpdate(Resource resource, String query) {
        intake.validate(resource);
        var type = resource.fhirType();
        var criterion = Criterion.parse(query, type);
        return store.exclusively(
                type + "|" + criterion, matches(type, criterion).collectList().flatMap(ids -> {
                    if (ids.size() > 1) {
                        return Mono.error(new FhirProblem(
                                HttpStatus.PRECONDITION_FAILED,
                                "multiple-matches",
                                "The criteria " + query + " match " + ids.size() + " resources",
                                null));
                    }
                    var bodyId =
                            resource.hasIdElement() ? resource.getIdElement().getIdPart() : null;
                    if (ids.size() == 1 && bodyId != null && !bodyId.equals(ids.get(0))) {
                        return Mono.error(new FhirProblem(
                                HttpStatus.BAD_REQUEST,
                                "invalid",
                                "The resource's id " + bodyId + " is not the id of the match, " + ids.get(0),
                                type + ".id"));
                    }
                    var id = ids.isEmpty() ? bodyId : ids.get(0);
                    var write = id == null
                            ? store.create(type, stamp -> content(resource, stamp))
                            : store.put(type, id, null, stamp -> content(resource, stamp));
                    return checkReferences(resource).then(write).map(Outcome::of);
                }));
    }

    /** Stores a resource already validated under an id a transaction chose; references are checked later. */
    Mono<Outcome> createWithId(Resource resource, String id) {
        return store.create(resource.fhirType(), id, stamp -> content(resource, stamp))
                .map(Outcome::of);
    }

    /** Stores a new version of a resource already validated; references are checked later. */
    Mono<Outcome> storeUnchecked(Resource resource, String id, Integer expectedVersion) {
        return store.put(resource.fhirType(), id, expectedVersion, stamp -> content(resource, stamp))
                .map(Outcome::of);
    }

    Bundle historyBundle(List<StoredResource> versions) {
        var bundle = new Bundle().setType(Bundle.BundleType.HISTORY).setTotal(versions.size());
        var parser = context.newJsonParser();
        for (var version : versions) {
            var entry = bundle.addEntry();
            var url = version.type() + "/" + version.id();
            entry.getRequest()
                    .setUrl(url)
                    .setMethod(
                            version.deleted()
                                    ? Bundle.HTTPVerb.DELETE
                                    : version.version() == 1 ? Bundle.HTTPVerb.POST : Bundle.HTTPVerb.PUT);
            entry.getResponse()
                    .setStatus(version.deleted() ? "204" : version.version() == 1 ? "201" : "200")
                    .setEtag(ETags.of(version.version()))
                    .setLastModified(Date.from(version.lastUpdated()));
            if (!version.deleted()) {
                entry.setFullUrl(url).setResource((Resource) parser.parseResource(version.body()));
            }
        }
        return bundle;
    }

    private ResourceContent content(Resource resource, VersionStamp stamp) {
        resource.setId(stamp.id());
        resource.getMeta()
                .setVersionId(Integer.toString(stamp.version()))
                .setLastUpdated(Date.from(stamp.lastUpdated()));
        TrialportProfile.declareOn(resource);
        TrialportNarratives.generate(context, resource);
        var body = context.newJsonParser().encodeResourceToString(resource);
        var trial = resource instanceof ResearchStudy study ? projector.project(study, stamp) : null;
        var site = resource instanceof Location location ? SiteProjector.project(location, stamp) : null;
        return new ResourceContent(body, facts.identifiers(resource), facts.references(resource), trial, site);
    }

    Mono<Void> checkReferences(Resource resource) {
        return Flux.fromIterable(facts.references(resource))
                .concatMap(link -> store.read(link.targetType(), link.targetId())
                        .filter(target -> !target.deleted())
                        .switchIfEmpty(Mono.error(new FhirProblem(
                                HttpStatus.UNPROCESSABLE_CONTENT,
                                "not-found",
                                "Reference " + link.targetType() + "/" + link.targetId()
                                        + " does not resolve to a resource here",
                                link.path()))))
                .then();
    }

    Flux<String> matches(String type, Criterion criterion) {
        return criterion.id() != null
                ? store.read(type, criterion.id())
                        .filter(s -> !s.deleted())
                        .map(StoredResource::id)
                        .flux()
                : store.idsByIdentifier(type, criterion.system(), criterion.value());
    }

    /** One search criterion of a conditional interaction: {@code identifier=[system|]value} or {@code _id=…}. */
    record Criterion(String id, String system, String value) {

        /** Result parameters a client may add to any URL (HAPI's client adds _format); they select nothing. */
        private static final java.util.Set<String> IGNORED = java.util.Set.of("_format", "_pretty");

        static Criterion parse(String query, String type) {
            var criteria = query.contains("?") ? query.substring(query.indexOf('?') + 1) : query;
            var parts = java.util.Arrays.stream(criteria.split("&"))
                    .filter(part -> !part.isEmpty()
                            && !IGNORED.contains(part.contains("=") ? part.substring(0, part.indexOf('=')) : part))
                    .toList();
            if (parts.size() != 1 || !parts.get(0).contains("=")) {
                throw new FhirProblem(
                        HttpStatus.BAD_REQUEST,
                        "not-supported",
                        "Conditional criteria must be one identifier=system|value or _id=…, not " + query,
                        null);
            }
            var name = parts.get(0).substring(0, parts.get(0).indexOf('='));
            String value;
            try {
                value = URLDecoder.decode(
                        parts.get(0).substring(parts.get(0).indexOf('=') + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new FhirProblem(
                        HttpStatus.BAD_REQUEST,
                        "value",
                        "The criteria " + query + " are not correctly URL-encoded",
                        null);
            }
            if (value.isEmpty() || value.chars().anyMatch(Character::isISOControl)) {
                throw new FhirProblem(
                        HttpStatus.BAD_REQUEST,
                        "value",
                        "The criteria " + query + " need a value without " + "control characters",
                        null);
            }
            return switch (name) {
                case "_id" -> new Criterion(SearchParameters.id("_id", value), null, null);
                case "identifier" ->
                    value.contains("|")
                            ? new Criterion(
                                    null,
                                    value.substring(0, value.indexOf('|')),
                                    value.substring(value.indexOf('|') + 1))
                            : new Criterion(null, null, value);
                default ->
                    throw new FhirProblem(
                            HttpStatus.BAD_REQUEST,
                            "not-supported",
                            "Conditional criteria on " + name + " are not supported; use identifier or _id",
                            null);
            };
        }
    }
}
