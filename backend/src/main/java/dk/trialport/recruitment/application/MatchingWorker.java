package dk.trialport.recruitment.application;

import dk.trialport.catalogue.Outbox;
import dk.trialport.recruitment.RecruitmentProperties;
import java.util.LinkedHashSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Reads the catalogue's outbox with its own marker ({@code matched_at}) and matches every changed trial
 * against the profiles; a change is marked only after its trial was matched, so a failure delays, never loses.
 */
@Component
class MatchingWorker implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(MatchingWorker.class);
  private static final int BATCH = 100;
  private static final long MAX_BACKOFF_MS = 30_000;

  private final Outbox outbox;
  private final MatchingProfiles matching;
  private final RecruitmentProperties properties;
  private volatile Thread worker;

  MatchingWorker(Outbox outbox, MatchingProfiles matching, RecruitmentProperties properties) {
    this.outbox = outbox;
    this.matching = matching;
    this.properties = properties;
  }

  @Override
  public void start() {
    var thread = Thread.ofPlatform().daemon().name("profile-matcher").unstarted(this::run);
    worker = thread;
    thread.start();
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

  private void run() {
    long backoff = 0;
    while (worker == Thread.currentThread()) {
      try {
        int done = matchNextBatch();
        backoff = 0;
        if (done == 0) {
          Thread.sleep(properties.matchingPoll());
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        backoff = Math.min(backoff == 0 ? 500 : backoff * 2, MAX_BACKOFF_MS);
        log.warn("Matching paused for {} ms, will retry: {}", backoff, e.toString());
        try {
          Thread.sleep(backoff);
        } catch (InterruptedException interrupted) {
          return;
        }
      }
    }
  }

  /** Matches the trials of the oldest unmatched changes; returns how many changes there were. */
  int matchNextBatch() {
    var events = outbox.unmatchedTrialChanges(BATCH).collectList().block();
    if (events == null || events.isEmpty()) {
      return 0;
    }
    var trialIds = new LinkedHashSet<String>();
    events.forEach(event -> trialIds.add(event.resourceId()));
    for (var trialId : trialIds) {
      matching.match(trialId).block();
    }
    outbox.markMatched(events.stream().map(Outbox.Event::id).toList()).block();
    return events.size();
  }
}
