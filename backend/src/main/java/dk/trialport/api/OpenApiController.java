package dk.trialport.api;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/openapi.yaml}: the JSON API's description, the contract its tests hold it to. */
@RestController
@JsonApi
class OpenApiController {

    /** Where the description lies on the classpath (tests read it there too). */
    static final String RESOURCE = "api/openapi.yaml";

    private static final Resource DESCRIPTION = new ClassPathResource(RESOURCE);

    @GetMapping(
            path = "/api/v1/openapi.yaml",
            produces = {"application/yaml", "application/vnd.oai.openapi"})
    Resource description() {
        return DESCRIPTION;
    }
}
