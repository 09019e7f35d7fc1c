package dk.trialport.fhir;

import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.MetadataResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Trialport's published profile under {@code /fhir}: its StructureDefinitions, CodeSystems, ValueSets and
 * SearchParameters, read by id and searched by {@code url} (optionally {@code url|version}), {@code _id} or {@code
 * name}. Open to everyone, like the catalogue; read only.
 */
@RestController
@RequestMapping("/fhir")
class ProfileController {

    private static final Set<String> PARAMETERS =
            Set.of("url", "_id", "name", "version", "_format", "_pretty", "_summary", "_elements", "_count");

    private final TrialportProfile profile;
    private final FhirResponses responses;

    ProfileController(TrialportProfile profile, FhirResponses responses) {
        this.profile = profile;
        this.responses = responses;
    }

    /** The whole profile as a FHIR package, for a validator or an IG tool. */
    @GetMapping("/package.tgz")
    ResponseEntity<byte[]> download() {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/gzip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + ProfilePackage.FILE_NAME + "\"")
                .body(profile.packageBytes());
    }

    @GetMapping({"/StructureDefinition/{id}", "/CodeSystem/{id}", "/ValueSet/{id}", "/SearchParameter/{id}"})
    ResponseEntity<String> read(@PathVariable String id, ServerHttpRequest request) {
        var type = type(request);
        ResourceTypes.requireId(type, id);
        var resource = profile.read(type, id)
                .orElseThrow(() -> new FhirProblem(
                        HttpStatus.NOT_FOUND,
                        "not-found",
                        type + "/" + id + " is not part of Trialport's profile; " + type + "?url=… searches it",
                        null));
        return responses.resource(HttpStatus.OK, resource.copy(), request);
    }

    @GetMapping({"/StructureDefinition", "/CodeSystem", "/ValueSet", "/SearchParameter"})
    ResponseEntity<String> search(ServerHttpRequest request) {
        var type = type(request);
        var params = SearchParameters.known(request.getQueryParams(), request, PARAMETERS::contains, type);
        var found = profile.resources(type).stream()
                .filter(resource -> matches(resource, params.getFirst("url"), params.getFirst("version")))
                .filter(resource -> params.getFirst("_id") == null
                        || List.of(params.getFirst("_id").split(","))
                                .contains(resource.getIdElement().getIdPart()))
                .filter(resource -> params.getFirst("name") == null
                        || resource.getName() != null
                                && resource.getName()
                                        .toLowerCase(java.util.Locale.ROOT)
                                        .startsWith(params.getFirst("name").toLowerCase(java.util.Locale.ROOT)))
                .toList();
        var bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET).setTotal(found.size());
        bundle.addLink().setRelation("self").setUrl(request.getURI().toString());
        for (MetadataResource resource : found) {
            bundle.addEntry()
                    .setFullUrl(FhirBase.url(request) + "/" + type + "/"
                            + resource.getIdElement().getIdPart())
                    .setResource(resource.copy())
                    .getSearch()
                    .setMode(Bundle.SearchEntryMode.MATCH);
        }
        return responses.resource(HttpStatus.OK, bundle, request);
    }

    /** {@code url} matches the canonical URL, {@code url|version} also the version. */
    private static boolean matches(MetadataResource resource, String url, String version) {
        if (url == null) {
            return version == null || version.equals(resource.getVersion());
        }
        var canonical = url.contains("|") ? url.substring(0, url.indexOf('|')) : url;
        var wanted = url.contains("|") ? url.substring(url.indexOf('|') + 1) : version;
        return canonical.equals(resource.getUrl()) && (wanted == null || wanted.equals(resource.getVersion()));
    }

    private static String type(ServerHttpRequest request) {
        var path = request.getPath().pathWithinApplication().value();
        var rest = path.substring("/fhir/".length());
        return rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
    }
}
