package dk.trialport.search;

import dk.trialport.catalogue.Outbox;
import dk.trialport.catalogue.Site;
import dk.trialport.catalogue.SiteProjectionStore;
import dk.trialport.catalogue.Trial;
import dk.trialport.catalogue.TrialProjectionStore;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Feeds the index from the catalogue's outbox: takes the oldest changes, writes the current state of
 * each trial they touch, then marks them indexed. While Elasticsearch is unreachable it waits and tries
 * again, so changes are delayed, never lost; catalogue writes never wait for it.
 */
@Component
class TrialIndexer implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(TrialIndexer.class);

  private final Outbox outbox;
  private final TrialProjectionStore trials;
  private final SiteProjectionStore sites;
  private final TrialDocuments documents;
  private final TrialIndex index;
  private final SearchProperties properties;
  /** Held by a batch, and by a reindex for its whole run so no change slips between old and new index. */
  private final ReentrantLock writing = new ReentrantLock();
  private volatile Thread worker;
  private volatile boolean aliasReady;

  TrialIndexer(Outbox outbox, TrialProjectionStore trials, SiteProjectionStore sites, TrialDocuments documents,
      TrialIndex index, SearchProperties properties) {
    this.outbox = outbox;
    this.trials = trials;
    this.sites = sites;
    this.documents = documents;
    this.index = index;
    this.properties = properties;
  }

  @Override
  public void start() {
    if (properties.indexing()) {
      var thread = Thread.ofPlatform().daemon().name("trial-indexer").unstarted(this::run);
      worker = thread;
      thread.start();
      log.info("Indexer started: feeding alias {} from the outbox", properties.alias());
    }
  }

  @Override
  public void stop() {
    var running = worker;
    worker = null;
    if (running != null) {
      running.interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return worker != null;
  }

  ReentrantLock writingLock() {
    return writing;
  }

  private void run() {
    long backoff = 0;
    boolean failing = false;
    while (worker == Thread.currentThread()) {
      try {
        int done = indexNextBatch();
        if (failing) {
          log.info("Indexing resumed: Elasticsearch answers again");
          failing = false;
        }
        backoff = 0;
        if (done == 0) {
          Thread.sleep(properties.idlePoll());
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException | java.io.IOException e) {
        aliasReady = false;
        backoff = Math.min(backoff == 0 ? 250 : backoff * 2, properties.maxBackoff().toMillis());
        if (!failing) {
          log.warn("Indexing paused, will retry: {}", e.toString());
          failing = true;
        }
        try {
          Thread.sleep(backoff);
        } catch (InterruptedException interrupted) {
          return;
        }
      }
    }
  }

  /** Indexes the oldest pending changes; returns how many there were. */
  int indexNextBatch() throws java.io.IOException {
    writing.lock();
    try {
      var events = outbox.pending(properties.batchSize()).collectList().block();
      if (events == null || events.isEmpty()) {
        return 0;
      }
      var trialIds = new LinkedHashSet<String>();
      var siteIds = new HashSet<String>();
      for (var event : events) {
        switch (event.resourceType()) {
          case "ResearchStudy" -> trialIds.add(event.resourceId());
          case "Location" -> siteIds.add(event.resourceId());
          default -> { }
        }
      }
      if (!siteIds.isEmpty()) {
        trialIds.addAll(outbox.trialsAtSites(List.copyOf(siteIds)).collectList().block());
      }
      if (!aliasReady) {
        index.ensureExists();
        aliasReady = true;
      }
      write(index.alias(), trialIds);
      outbox.markIndexed(events.stream().map(Outbox.Event::id).toList()).block();
      log.debug("Indexed {} changes touching {} trials", events.size(), trialIds.size());
      return events.size();
    } finally {
      writing.unlock();
    }
  }

  /** Writes the current state of these trials to {@code target}: documents for those that exist, removals for the rest. */
  void write(String target, Collection<String> trialIds) throws java.io.IOException {
    var current = trials.find(trialIds).collectList().block();
    var documents = documentsOf(current);
    index.write(target, documents, trialIds.stream()
        .filter(id -> documents.stream().noneMatch(document -> document.id().equals(id))).toList());
  }

  /** The documents of these trials; drafts ({@value Trial#DRAFT}) are never indexed, so no search finds them. */
  List<TrialDocument> documentsOf(List<Trial> all) {
    var batch = all.stream().filter(Trial::isPublic).toList();
    var siteIds = batch.stream().flatMap(trial -> trial.siteIds().stream()).distinct().toList();
    Map<String, Site> byId = sites.find(siteIds).collectList().block().stream()
        .collect(Collectors.toMap(Site::id, Function.identity()));
    return batch.stream()
        .map(trial -> documents.document(trial, trial.siteIds().stream().map(byId::get)
            .filter(java.util.Objects::nonNull).toList()))
        .toList();
  }

  /** Forget what is known about the alias (a reindex or a test replaced it). */
  void aliasChanged() {
    aliasReady = false;
  }
}
