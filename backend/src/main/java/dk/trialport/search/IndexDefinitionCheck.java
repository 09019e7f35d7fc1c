package dk.trialport.search;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * At start, rebuilds the index when it was made from another definition, vocabulary or set of postal
 * codes than this version carries, so a deployment that changes them needs no manual reindex. Search
 * answers from the old index until the new one is swapped in.
 */
@Component
class IndexDefinitionCheck {

    private static final Logger log = LoggerFactory.getLogger(IndexDefinitionCheck.class);

    private final TrialIndex index;
    private final Reindexing reindexing;
    private final SearchProperties properties;

    IndexDefinitionCheck(TrialIndex index, Reindexing reindexing, SearchProperties properties) {
        this.index = index;
        this.reindexing = reindexing;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        if (properties.indexing()) {
            Thread.ofPlatform().name("index-definition-check").start(this::check);
        }
    }

    /** Starts a rebuild when the index is outdated; returns whether it did. */
    boolean check() {
        try {
            index.ensureExists();
            if (index.isCurrent()) {
                return false;
            }
            log.info(
                    "The search index was built from an older definition or vocabulary: rebuilding it (definition {})",
                    index.definition());
            reindexing.start();
            return true;
        } catch (java.io.IOException | RuntimeException e) {
            log.warn(
                    "Could not check the search index's definition now ({}); the next start checks again",
                    e.toString());
            return false;
        }
    }
}
