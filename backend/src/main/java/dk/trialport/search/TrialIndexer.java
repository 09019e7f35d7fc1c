package dk.trialport.search;

import dk.trialport.catalogue.Freshness;
import dk.trialport.catalogue.Outbox;
import dk.trialport.catalogue.Site;
import dk.trialport.catalogue.SiteProjectionStore;
import dk.trialport.catalogue.Trial;
import dk.trialport.catalogue.TrialProjectionStore;
import dk.trialport.platform.PollingWorker;
import dk.trialport.platform.Singletons;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Feeds the index from the catalogue's outbox, run by the {@link PollingWorker}: takes the next changes from its own
 * position, writes the current state of each trial they touch, then moves its position on. While Elasticsearch is
 * unreachable the worker waits and tries again, so changes are delayed, never lost; catalogue writes never wait for
 * it.
 */
@Component
class TrialIndexer implements PollingWorker.Consumer {

    static final String NAME = "trial-indexer";
    private static final Logger log = LoggerFactory.getLogger(TrialIndexer.class);

    private final Outbox outbox;
    private final TrialProjectionStore trials;
    private final SiteProjectionStore sites;
    private final TrialDocuments documents;
    private final TrialIndex index;
    private final SearchProperties properties;
    /**
     * The PostgreSQL advisory lock a batch holds, and a reindex for its whole run, so no change slips between old and
     * new index on any instance: while a rebuild holds it, every instance's indexer skips its turn.
     */
    static final String WRITING = "trial-index-writing";

    private final Singletons singletons;
    private final Freshness freshness;

    private volatile boolean aliasReady;

    TrialIndexer(
            Outbox outbox,
            TrialProjectionStore trials,
            SiteProjectionStore sites,
            TrialDocuments documents,
            TrialIndex index,
            SearchProperties properties,
            Singletons singletons,
            Freshness freshness) {
        this.singletons = singletons;
        this.freshness = freshness;
        this.outbox = outbox;
        this.trials = trials;
        this.sites = sites;
        this.documents = documents;
        this.index = index;
        this.properties = properties;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public PollingWorker.Pace pace() {
        return new PollingWorker.Pace(properties.idlePoll(), Duration.ofMillis(250), properties.maxBackoff());
    }

    @Override
    public boolean enabled() {
        if (properties.indexing()) {
            log.info("Indexer feeds alias {} from the outbox", properties.alias());
        }
        return properties.indexing();
    }

    @Override
    public PollingWorker.Lag lag() {
        var lag = outbox.lag(NAME, List.of()).block();
        return new PollingWorker.Lag(lag.events(), lag.age());
    }

    /** Indexes the next changes; returns how many there were (none while a rebuild on any instance writes). */
    @Override
    public int runBatch() throws Exception {
        try {
            return singletons
                    .tryAlone(
                            WRITING,
                            () -> outbox.handleNext(
                                    NAME, List.of(), properties.batchSize(), properties.lease(), this::index))
                    .orElse(0);
        } catch (Exception e) {
            aliasReady = false;
            throw e;
        }
    }

    private void index(List<Outbox.Event> events) throws java.io.IOException {
        var trialIds = new LinkedHashSet<String>();
        var siteIds = new HashSet<String>();
        for (var event : events) {
            switch (event.resourceType()) {
                case "ResearchStudy" -> trialIds.add(event.resourceId());
                case "Location" -> siteIds.add(event.resourceId());
                default -> {}
            }
        }
        if (!siteIds.isEmpty()) {
            trialIds.addAll(
                    outbox.trialsAtSites(List.copyOf(siteIds)).collectList().block());
        }
        if (!aliasReady) {
            index.ensureExists();
            aliasReady = true;
        }
        write(index.alias(), trialIds);
        log.debug("Indexed {} changes touching {} trials", events.size(), trialIds.size());
    }

    /** Writes the current state of these trials to {@code target}: documents for those that exist, removals for the rest. */
    void write(String target, Collection<String> trialIds) throws java.io.IOException {
        var current = trials.find(trialIds).collectList().block();
        var documents = documentsOf(current);
        index.write(
                target,
                documents,
                trialIds.stream()
                        .filter(id -> documents.stream()
                                .noneMatch(document -> document.id().equals(id)))
                        .toList());
    }

    /** The documents of these trials; drafts ({@value Trial#DRAFT}) are never indexed, so no search finds them. */
    List<TrialDocument> documentsOf(List<Trial> all) {
        var batch = all.stream().filter(Trial::isPublic).toList();
        var siteIds = batch.stream()
                .flatMap(trial -> trial.siteIds().stream())
                .distinct()
                .toList();
        Map<String, Site> byId = sites.find(siteIds).collectList().block().stream()
                .collect(Collectors.toMap(Site::id, Function.identity()));
        var confirmed =
                freshness.confirmedAt(batch.stream().map(Trial::id).toList()).block();
        return batch.stream()
                .map(trial -> documents.document(
                        trial,
                        trial.siteIds().stream()
                                .map(byId::get)
                                .filter(java.util.Objects::nonNull)
                                .toList(),
                        confirmed.get(trial.id())))
                .toList();
    }

    /** Forget what is known about the alias (a reindex or a test replaced it). */
    void aliasChanged() {
        aliasReady = false;
    }
}
