package dk.trialport.registry;

import dk.trialport.api.InvalidParameter;
import dk.trialport.api.JsonApi;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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
 * {@code POST /api/v1/admin/import/sync?source=ctgov|ctis&since=…} starts a live sync from the registry's API;
 * {@code GET} tells how far either is.
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

    /**
     * Starts a live sync: {@code source} {@code ctgov} or {@code ctis}; {@code since} (an ISO date) asks for the
     * records updated on or after it, else the sync resumes an unfinished run or goes on from its last complete one.
     */
    @PostMapping("/sync")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ImportJobs.Status sync(@RequestParam String source, @RequestParam(required = false) String since) {
        var registry = switch (source) {
            case "ctgov" -> RegistrySource.CTGOV;
            case "ctis" -> RegistrySource.CTIS;
            default -> throw new InvalidParameter("source", "Unknown source " + source + " (ctgov or ctis)");
        };
        LocalDate from = null;
        if (since != null && !since.isBlank()) {
            try {
                from = LocalDate.parse(since.strip());
            } catch (DateTimeParseException e) {
                throw new InvalidParameter("since", "since must be a date such as 2025-01-31, not " + since);
            }
        }
        return jobs.startSync(registry, from);
    }

    @GetMapping
    ImportJobs.Status status() {
        return jobs.status();
    }
}
