package dk.trialport.opendata;

import dk.trialport.api.JsonApi;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The administrators' dump on demand: {@code POST /api/v1/admin/open-data/dump} (role ADMIN) writes it now and
 * answers the files as written; 409 while another instance writes it.
 */
@RestController
@JsonApi
class DumpController {

    private final PublicDump dump;

    DumpController(PublicDump dump) {
        this.dump = dump;
    }

    @PostMapping("/api/v1/admin/open-data/dump")
    Mono<List<PublicDump.DumpFile>> write() {
        return Mono.fromCallable(dump::writeAlone)
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(written -> {
                    if (!written) {
                        return Mono.error(new ResponseStatusException(
                                HttpStatus.CONFLICT, "Another instance is writing the dump now; try again shortly"));
                    }
                    return dump.files();
                });
    }
}
