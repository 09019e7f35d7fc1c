package dk.trialport.fhir;

import ca.uhn.fhir.context.FhirContext;
import dk.trialport.availability.Outages;
import dk.trialport.catalogue.CatalogueException;
import dk.trialport.catalogue.CatalogueStore;
import dk.trialport.catalogue.StoredResource;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs transaction Bundles atomically (all entries or none, {@code urn:uuid:} references resolved to
 * the ids the server gives) and batch Bundles entry by entry.
 */
@Component
public class BundleProcessor {

    /** One entry, with the id it will have once {@code urn:uuid:} and conditional URLs are resolved. */
    record Step(int index, BundleEntryComponent entry, HTTPVerb verb, String type, String id, Resource resource) {}

    private final ResourceIntake intake;
    private final ResourceWriter writer;
    private final CatalogueStore store;
    private final TransactionalOperator transaction;
    private final FhirContext context;

    BundleProcessor(
            ResourceIntake intake,
            ResourceWriter writer,
            CatalogueStore store,
            TransactionalOperator transaction,
            FhirContext context) {
        this.intake = intake;
        this.writer = writer;
        this.store = store;
        this.transaction = transaction;
        this.context = context;
    }

    public Mono<Bundle> transaction(Bundle bundle, String base) {
        return transaction(bundle, base, AccessCheck.NONE);
    }

    /** A transaction whose every write must pass {@code check} (in the same database transaction). */
    Mono<Bundle> transaction(Bundle bundle, String base, AccessCheck check) {
        var steps = check(bundle);
        for (var step : steps) {
            if (step.resource() != null) {
                try {
                    intake.validate(step.resource(), true);
                } catch (FhirProblem problem) {
                    throw locate(problem, step.index());
                }
            }
        }
        var ids = new HashMap<String, String>();
        var work = Flux.fromIterable(steps)
                .concatMap(step -> resolve(step).doOnNext(resolved -> {
                    var fullUrl = step.entry().getFullUrl();
                    if (fullUrl != null && resolved.id() != null) {
                        ids.put(fullUrl, resolved.type() + "/" + resolved.id());
                    }
                }))
                .collectList()
                .flatMap(resolved -> {
                    resolved.forEach(step -> rewriteReferences(step.resource(), ids));
                    var ordered = new ArrayList<>(resolved);
                    ordered.sort((a, b) -> Integer.compare(order(a.verb()), order(b.verb())));
                    var results = new StoredResource[steps.size()];
                    var created = new boolean[steps.size()];
                    return Flux.fromIterable(ordered)
                            .concatMap(step -> execute(step, check)
                                    .flatMap(outcome -> checked(step, outcome, check))
                                    .doOnNext(outcome -> {
                                        results[step.index()] = outcome.stored();
                                        created[step.index()] = outcome.created();
                                    }))
                            .then(Flux.fromIterable(resolved)
                                    .filter(step -> step.resource() != null)
                                    .concatMap(step -> writer.checkReferences(step.resource())
                                            .onErrorMap(FhirProblem.class, problem -> locate(problem, step.index())))
                                    .then())
                            .then(Mono.fromSupplier(() ->
                                    response(Bundle.BundleType.TRANSACTIONRESPONSE, steps, results, created, base)));
                });
        return work.as(transaction::transactional);
    }

    Mono<Bundle> batch(Bundle bundle, String base, AccessCheck check) {
        var response = new Bundle().setType(Bundle.BundleType.BATCHRESPONSE);
        return Flux.range(0, bundle.getEntry().size())
                .concatMap(i -> Mono.fromCallable(
                                () -> step(i, bundle.getEntry().get(i)))
                        .flatMap(step -> {
                            if (step.resource() != null) {
                                // entries of a batch stand alone: a urn:uuid: reference resolves to nothing
                                intake.validate(step.resource(), false);
                            }
                            return resolve(step)
                                    .flatMap(resolved -> execute(resolved, check)
                                            .flatMap(outcome -> checked(resolved, outcome, check))
                                            .flatMap(outcome -> resolved.resource() == null
                                                    ? Mono.just(outcome)
                                                    : writer.checkReferences(resolved.resource())
                                                            .thenReturn(outcome))
                                            .as(transaction::transactional));
                        })
                        .map(outcome -> entry(outcome.stored(), outcome.created(), base))
                        .onErrorResume(error -> Mono.just(failed(error))))
                .doOnNext(response::addEntry)
                .then(Mono.just(response));
    }

    /**
     * The steps of a transaction, refusing with 400 before any work what FHIR's transaction rules forbid: an entry
     * without request or (for POST and PUT) resource, a PUT whose body id is not its URL's, fullUrls used twice, a
     * {@code urn:uuid:} reference that no entry's fullUrl resolves, and a reference to an entry by the id a POST
     * will not keep.
     */
    List<Step> check(Bundle bundle) {
        var steps = new ArrayList<Step>();
        for (int i = 0; i < bundle.getEntry().size(); i++) {
            steps.add(step(i, bundle.getEntry().get(i)));
        }
        var fullUrls = new HashMap<String, Integer>();
        var posted = new HashMap<String, Integer>();
        for (var step : steps) {
            var fullUrl = step.entry().getFullUrl();
            if (fullUrl != null && fullUrls.putIfAbsent(fullUrl, step.index()) != null) {
                throw locate(
                        new FhirProblem(
                                HttpStatus.BAD_REQUEST,
                                "invalid",
                                "fullUrl " + fullUrl + " is also the fullUrl " + "of entry " + fullUrls.get(fullUrl)
                                        + "; each entry needs its own",
                                null),
                        step.index());
            }
            if (step.verb() == HTTPVerb.POST
                    && step.resource().hasIdElement()
                    && step.resource().getIdElement().hasIdPart()) {
                posted.put(step.type() + "/" + step.resource().getIdElement().getIdPart(), step.index());
            }
        }
        for (var step : steps) {
            if (step.resource() == null) {
                continue;
            }
            for (var found : context.newTerser().getAllResourceReferences(step.resource())) {
                var reference =
                        found.getResourceReference().getReferenceElement().getValue();
                if (reference == null || fullUrls.containsKey(reference)) {
                    continue;
                }
                if (reference.startsWith("urn:")) {
                    throw locate(
                            new FhirProblem(
                                    HttpStatus.BAD_REQUEST,
                                    "not-found",
                                    "Reference " + reference
                                            + " resolves to no entry of the transaction: no entry has it as fullUrl",
                                    null),
                            step.index());
                }
                if (posted.containsKey(reference)) {
                    throw locate(
                            new FhirProblem(
                                    HttpStatus.BAD_REQUEST,
                                    "invalid",
                                    "Reference " + reference + " names entry "
                                            + posted.get(reference)
                                            + ", which is created (POST) and gets a new id; give that entry a fullUrl such "
                                            + "as urn:uuid:… and reference that",
                                    null),
                            step.index());
                }
            }
        }
        return steps;
    }

    private Step step(int index, BundleEntryComponent entry) {
        var request = entry.getRequest();
        if (!request.hasMethod() || !request.hasUrl()) {
            throw locate(
                    new FhirProblem(
                            HttpStatus.BAD_REQUEST,
                            "required",
                            "Every entry needs request.method and " + "request.url",
                            null),
                    index);
        }
        var url = request.getUrl().replaceFirst("^/?", "");
        var path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
        var parts = path.split("/");
        String type;
        String id = parts.length > 1 ? parts[1] : null;
        try {
            type = ResourceTypes.require(parts[0]);
            if (id != null) {
                ResourceTypes.requireId(type, id);
            }
        } catch (FhirProblem problem) {
            throw locate(new FhirProblem(HttpStatus.BAD_REQUEST, problem.issues()), index);
        }
        var resource = entry.getResource();
        var verb = request.getMethod();
        if (resource == null && (verb == HTTPVerb.POST || verb == HTTPVerb.PUT)) {
            throw locate(
                    new FhirProblem(
                            HttpStatus.BAD_REQUEST,
                            "required",
                            "A " + verb.toCode() + " entry needs a " + "resource",
                            null),
                    index);
        }
        if (resource != null && !resource.fhirType().equals(type)) {
            throw new FhirProblem(
                    HttpStatus.BAD_REQUEST,
                    "invalid",
                    "Entry " + index + " holds a " + resource.fhirType() + " but its request.url is for " + type,
                    "Bundle.entry[" + index + "].resource");
        }
        if (verb == HTTPVerb.PUT
                && id != null
                && resource.hasIdElement()
                && resource.getIdElement().hasIdPart()
                && !id.equals(resource.getIdElement().getIdPart())) {
            throw locate(
                    new FhirProblem(
                            HttpStatus.BAD_REQUEST,
                            "invalid",
                            "The resource's id " + resource.getIdElement().getIdPart()
                                    + " is not the id of request.url " + request.getUrl(),
                            null),
                    index);
        }
        return new Step(index, entry, verb, type, id, resource);
    }

    /** Gives each entry the id it will have: a new one, a conditional match, or the one in its URL. */
    private Mono<Step> resolve(Step step) {
        var request = step.entry().getRequest();
        var url = request.getUrl();
        return switch (step.verb()) {
            case POST ->
                request.hasIfNoneExist()
                        ? writer.matches(
                                        step.type(),
                                        ResourceWriter.Criterion.parse(request.getIfNoneExist(), step.type()))
                                .collectList()
                                .map(found -> switch (found.size()) {
                                    case 0 -> withId(step, UUID.randomUUID().toString(), HTTPVerb.POST);
                                    case 1 -> withId(step, found.get(0), HTTPVerb.HEAD);
                                    default ->
                                        throw locate(
                                                new FhirProblem(
                                                        HttpStatus.PRECONDITION_FAILED,
                                                        "multiple-matches",
                                                        "ifNoneExist matches " + found.size() + " resources",
                                                        null),
                                                step.index());
                                })
                        : Mono.just(withId(step, UUID.randomUUID().toString(), HTTPVerb.POST));
            case PUT ->
                url.contains("?")
                        ? writer.matches(step.type(), ResourceWriter.Criterion.parse(url, step.type()))
                                .collectList()
                                .map(found -> switch (found.size()) {
                                    case 0 -> withId(step, UUID.randomUUID().toString(), HTTPVerb.POST);
                                    case 1 -> withId(step, found.get(0), HTTPVerb.PUT);
                                    default ->
                                        throw locate(
                                                new FhirProblem(
                                                        HttpStatus.PRECONDITION_FAILED,
                                                        "multiple-matches",
                                                        url + " matches " + found.size() + " resources",
                                                        null),
                                                step.index());
                                })
                        : Mono.just(step);
            case DELETE -> Mono.just(step);
            case GET ->
                step.id() == null || url.contains("?")
                        ? Mono.error(locate(
                                new FhirProblem(
                                        HttpStatus.BAD_REQUEST,
                                        "not-supported",
                                        "A GET entry reads one " + "resource (Type/id); search with GET /fhir/"
                                                + step.type() + "?… instead",
                                        null),
                                step.index()))
                        : Mono.just(step);
            default ->
                Mono.error(locate(
                        new FhirProblem(
                                HttpStatus.BAD_REQUEST,
                                "not-supported",
                                "request.method " + step.verb().toCode() + " is not supported in a Bundle",
                                null),
                        step.index()));
        };
    }

    private static Step withId(Step step, String id, HTTPVerb verb) {
        return new Step(step.index(), step.entry(), verb, step.type(), id, step.resource());
    }

    private Mono<ResourceWriter.Outcome> execute(Step step, AccessCheck check) {
        var ifMatch = step.entry().getRequest().getIfMatch();
        return switch (step.verb()) {
            case POST -> writer.createWithId(step.resource(), step.id());
            case PUT -> writer.storeUnchecked(step.resource(), step.id(), ETags.version(ifMatch));
            case HEAD -> store.read(step.type(), step.id()).map(stored -> new ResourceWriter.Outcome(stored, false));
            case DELETE ->
                store.delete(step.type(), step.id(), ETags.version(ifMatch))
                        .map(stored -> new ResourceWriter.Outcome(stored, false));
            case GET ->
                check.mayRead(step.type(), step.id())
                        .then(store.read(step.type(), step.id()))
                        .switchIfEmpty(Mono.error(new CatalogueException.NotFound(step.type(), step.id())))
                        .map(stored -> new ResourceWriter.Outcome(stored, false));
            default -> Mono.error(new IllegalStateException("unexpected " + step.verb()));
        };
    }

    /** Runs the check on what a step wrote (reads and matched conditional creates wrote nothing). */
    private static Mono<ResourceWriter.Outcome> checked(Step step, ResourceWriter.Outcome outcome, AccessCheck check) {
        return switch (step.verb()) {
            case POST, PUT, DELETE ->
                check.written(step.type(), outcome.stored().id(), outcome.created())
                        .onErrorMap(FhirProblem.class, problem -> locate(problem, step.index()))
                        .thenReturn(outcome);
            default -> Mono.just(outcome);
        };
    }

    private void rewriteReferences(Resource resource, Map<String, String> ids) {
        if (resource == null) {
            return;
        }
        for (var found : context.newTerser().getAllResourceReferences(resource)) {
            var reference = found.getResourceReference();
            var target = ids.get(reference.getReferenceElement().getValue());
            if (target != null) {
                reference.setReference(target);
            }
        }
    }

    private static int order(HTTPVerb verb) {
        return switch (verb) {
            case DELETE -> 0;
            case POST, HEAD -> 1;
            case PUT -> 2;
            default -> 3;
        };
    }

    private Bundle response(
            Bundle.BundleType type, List<Step> steps, StoredResource[] results, boolean[] created, String base) {
        var bundle = new Bundle().setType(type);
        for (int i = 0; i < steps.size(); i++) {
            bundle.addEntry(entry(results[i], created[i], base));
        }
        return bundle;
    }

    private BundleEntryComponent entry(StoredResource stored, boolean created, String base) {
        var entry = new BundleEntryComponent();
        var location = stored.type() + "/" + stored.id() + "/_history/" + stored.version();
        entry.setFullUrl(base + "/" + stored.type() + "/" + stored.id());
        entry.getResponse()
                .setStatus(stored.deleted() ? "204 No Content" : created ? "201 Created" : "200 OK")
                .setLocation(location)
                .setEtag(ETags.of(stored.version()))
                .setLastModified(Date.from(stored.lastUpdated()));
        if (!stored.deleted()) {
            entry.setResource((Resource) context.newJsonParser().parseResource(stored.body()));
        }
        return entry;
    }

    private BundleEntryComponent failed(Throwable error) {
        var entry = new BundleEntryComponent();
        var outage = Outages.of(error);
        var problem = error instanceof FhirProblem p
                ? p
                : error instanceof CatalogueException e
                        ? new FhirProblem(FhirErrors.statusOf(e), "processing", e.getMessage(), null)
                        : outage.isPresent()
                                ? new FhirProblem(
                                        HttpStatus.SERVICE_UNAVAILABLE,
                                        "no-store",
                                        outage.get().getReason(),
                                        null)
                                : new FhirProblem(
                                        HttpStatus.INTERNAL_SERVER_ERROR,
                                        "exception",
                                        "The entry could not be processed",
                                        null);
        entry.getResponse()
                .setStatus(problem.status().value() + " " + problem.status().getReasonPhrase())
                .setOutcome(FhirResponses.outcomeOf(problem));
        return entry;
    }

    private static FhirProblem locate(FhirProblem problem, int index) {
        var located = problem.issues().stream()
                .map(issue -> new FhirProblem.Issue(
                        issue.severity(),
                        issue.code(),
                        "Bundle entry " + index + ": " + issue.message(),
                        issue.expression() == null
                                ? "Bundle.entry[" + index + "]"
                                : "Bundle.entry[" + index + "].resource."
                                        + issue.expression().replaceFirst("^[A-Z][A-Za-z]+\\.", "")))
                .toList();
        return new FhirProblem(problem.status(), located);
    }
}
