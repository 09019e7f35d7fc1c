package dk.trialport.opendata;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The public dump at stable addresses, {@code /aabne-data/trials.ndjson} and {@code /aabne-data/trials.csv} (404
 * before the first dump), for anyone.
 */
@RestController
class OpenDataFiles {

    static final MediaType NDJSON = MediaType.parseMediaType("application/fhir+ndjson");
    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final PublicDump dump;

    OpenDataFiles(PublicDump dump) {
        this.dump = dump;
    }

    @GetMapping("/aabne-data/{file:trials\\.(?:ndjson|csv)}")
    ResponseEntity<Resource> file(@PathVariable String file) {
        var path = dump.path(file)
                .orElseThrow(() -> new ResponseStatusException(
                        HttpStatus.NOT_FOUND, "The dump has not been written yet; it is written every night"));
        return ResponseEntity.ok()
                .contentType(file.endsWith(".csv") ? CSV : NDJSON)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline()
                                .filename("trialport-" + file)
                                .build()
                                .toString())
                .body(new FileSystemResource(path));
    }
}
