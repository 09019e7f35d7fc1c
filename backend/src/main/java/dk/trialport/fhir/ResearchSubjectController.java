package dk.trialport.fhir;

import dk.trialport.catalogue.CatalogueQuery;
import dk.trialport.identity.Roles;
import dk.trialport.identity.TeamCaller;
import dk.trialport.recruitment.application.SharingCandidates;
import dk.trialport.recruitment.model.SharedRegistration;
import dk.trialport.recruitment.model.TrialWindow;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * {@code GET /fhir/ResearchSubject/{id}} and {@code GET /fhir/ResearchSubject?study=…}: a trial's
 * candidates, read only, for its team's hospital system (scope {@code system/ResearchSubject.r} to read,
 * {@code .s} to search), its investigators and administrators. A search names the trial and pages by last
 * change, oldest first, so a hospital polls with {@code _lastUpdated=ge…}. Each person read is audited.
 */
@RestController
@RequestMapping("/fhir/ResearchSubject")
class ResearchSubjectController {

    static final String TYPE = "ResearchSubject";
    static final Set<String> PARAMETERS = Set.of(
            "study", "_lastUpdated", "_count", "_cursor", "_sort", "_format", "_pretty", "_elements", "_summary");
    private static final Set<String> READERS = Set.of(Roles.HOSPITAL_SYSTEM, Roles.INVESTIGATOR, Roles.ADMIN);

    private final SharingCandidates candidates;
    private final FhirAccess access;
    private final TrialOwnership ownership;
    private final FhirResponses responses;

    ResearchSubjectController(
            SharingCandidates candidates, FhirAccess access, TrialOwnership ownership, FhirResponses responses) {
        this.candidates = candidates;
        this.access = access;
        this.ownership = ownership;
        this.responses = responses;
    }

    @GetMapping("/{id}")
    Mono<ResponseEntity<String>> read(@PathVariable String id, ServerHttpRequest request) {
        var registration = uuid(id);
        return allowed(FhirAccess.READ)
                .zipWith(ownership.rules())
                .flatMap(who -> candidates.read(registration, reader(who.getT1()), who.getT2()::mayReadCandidates))
                .switchIfEmpty(Mono.error(() -> new FhirProblem(
                        HttpStatus.NOT_FOUND, "not-found", "ResearchSubject/" + id + " is not known", null)))
                .map(candidate -> responses.resource(HttpStatus.OK, ResearchSubjects.of(candidate), request));
    }

    @GetMapping
    Mono<ResponseEntity<String>> search(ServerHttpRequest request) {
        var params = SearchParameters.known(request.getQueryParams(), request, PARAMETERS::contains, TYPE);
        var sort = params.getFirst("_sort");
        if (sort != null && !sort.equals("_lastUpdated")) {
            throw new FhirProblem(
                    HttpStatus.BAD_REQUEST,
                    "not-supported",
                    "ResearchSubject is sorted by _lastUpdated, oldest change first, only",
                    "_sort");
        }
        var window = window(
                params.getFirst("study"), params.getOrDefault("_lastUpdated", List.of()), params.getFirst("_cursor"));
        var count = SearchParameters.count(params.getFirst("_count"));
        return allowed(FhirAccess.SEARCH)
                .zipWith(ownership.rules())
                .flatMap(who -> candidates.page(window, count, reader(who.getT1()), who.getT2()::mayReadCandidates))
                .map(page -> responses.resource(HttpStatus.OK, bundle(request, page), request));
    }

    /** The trial and the change window of a search; {@code study} is required. */
    private static TrialWindow window(String study, List<String> lastUpdated, String cursor) {
        if (study == null || study.isBlank()) {
            throw new FhirProblem(
                    HttpStatus.BAD_REQUEST,
                    "required",
                    "A ResearchSubject search names its trial: study=ResearchStudy/{id}",
                    "study");
        }
        var slash = study.indexOf('/');
        if (slash >= 0 && !study.substring(0, slash).equals("ResearchStudy")) {
            throw new FhirProblem(
                    HttpStatus.BAD_REQUEST,
                    "value",
                    "study=" + study + " must name a trial: " + "study=ResearchStudy/{id}",
                    "study");
        }
        var trialId = SearchParameters.id("study", study.substring(slash + 1));
        Instant from = null;
        Instant before = null;
        for (var bound : lastUpdated) {
            var range = DateBound.parse("_lastUpdated", bound, DateBound.RANGE_PREFIXES);
            from = range.from() != null ? range.from() : from;
            before = range.before() != null ? range.before() : before;
        }
        var after = cursor == null ? null : SearchCursor.decode(cursor).position();
        return new TrialWindow(
                trialId,
                from,
                before,
                after == null ? null : after.lastUpdated(),
                after == null ? null : uuid(after.id()));
    }

    /** The caller must be a trial team's system or member, or an administrator, with the scope for it. */
    private Mono<TeamCaller> allowed(char permission) {
        return access.require(TYPE, permission)
                .then(access.caller())
                .filter(caller -> caller.roles().stream().anyMatch(READERS::contains))
                .switchIfEmpty(Mono.error(() -> new FhirProblem(
                        HttpStatus.FORBIDDEN,
                        "forbidden",
                        "Candidates are read by trial teams, their hospital systems and administrators only",
                        null)));
    }

    private static SharingCandidates.Reader reader(TeamCaller caller) {
        return new SharingCandidates.Reader(caller.name(), caller.auditRole());
    }

    private static Bundle bundle(ServerHttpRequest request, SharingCandidates.Page page) {
        var bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET).setTotal((int) page.total());
        bundle.addLink().setRelation("self").setUrl(request.getURI().toString());
        var rows = page.candidates();
        if (page.more() && !rows.isEmpty()) {
            var last = rows.get(rows.size() - 1);
            var cursor = new SearchCursor(
                    new CatalogueQuery.Position(last.updatedAt(), last.id().toString()), false);
            bundle.addLink()
                    .setRelation("next")
                    .setUrl(UriComponentsBuilder.fromUri(request.getURI())
                            .replaceQueryParam("_cursor", cursor.encode())
                            .build()
                            .toUriString());
        }
        var base = FhirBase.url(request);
        for (SharedRegistration candidate : rows) {
            bundle.addEntry()
                    .setFullUrl(base + "/ResearchSubject/" + candidate.id())
                    .setResource(ResearchSubjects.of(candidate))
                    .getSearch()
                    .setMode(Bundle.SearchEntryMode.MATCH);
        }
        return bundle;
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new FhirProblem(HttpStatus.NOT_FOUND, "not-found", "ResearchSubject/" + id + " is not known", null);
        }
    }
}
