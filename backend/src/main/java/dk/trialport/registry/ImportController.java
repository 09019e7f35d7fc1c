package dk.trialport.registry;

import dk.trialport.api.InvalidParameter;
import dk.trialport.api.JsonApi;
import java.nio.file.Path;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator's registry import: {@code POST /api/v1/admin/import?path=…&format=…&full=…} starts importing
 * registry records (ClinicalTrials.gov JSON, AACT CSV or CTIS JSON; {@code format} {@code ctgov},
 * {@code aact} or {@code ctis}, told by the content when left out) from a file or directory on the server;
 * {@code GET} tells how far it is.
 */
@RestController
@JsonApi
@RequestMapping("/api/v1/admin/import")
class ImportController {

    private final ImportJobs jobs;

    ImportController(ImportJobs jobs) {
        this.jobs = jobs;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    ImportJobs.Status start(
            @RequestParam String path,
            @RequestParam(required = false) String format,
            @RequestParam(defaultValue = "false") boolean full) {
        try {
            return jobs.start(Path.of(path), format, full);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameter(
                    e.getMessage() != null && e.getMessage().startsWith("Unknown format") ? "format" : "path",
                    e.getMessage());
        }
    }

    @GetMapping
    ImportJobs.Status status() {
        return jobs.status();
    }
}
