package dk.trialport.search;

import dk.trialport.api.JsonApi;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The operator's reindex: start a rebuild of the index from PostgreSQL, and watch its progress. */
@RestController
@JsonApi
@RequestMapping("/api/v1/admin/reindex")
class ReindexController {

    private final Reindexing reindexing;

    ReindexController(Reindexing reindexing) {
        this.reindexing = reindexing;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    Reindexing.Progress start() {
        return reindexing.start();
    }

    @GetMapping
    Reindexing.Progress progress() {
        return reindexing.progress();
    }
}
