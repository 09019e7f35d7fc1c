package dk.trialport.catalogue;

import java.util.Collection;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The changes waiting for the search indexer and the recruitment matcher, oldest first, written with each change of the catalogue. */
@Repository
public class Outbox {

  private final DatabaseClient database;

  Outbox(DatabaseClient database) {
    this.database = database;
  }

  /** One change: which resource, which version, and whether it was created, updated or deleted. */
  public record Event(long id, String resourceType, String resourceId, int version, String change) {}

  /** The oldest changes not indexed yet. */
  public Flux<Event> pending(int limit) {
    return database.sql("SELECT id, resource_type, resource_id, version, change FROM outbox_event "
            + "WHERE indexed_at IS NULL ORDER BY id LIMIT :limit")
        .bind("limit", limit)
        .map(row -> new Event(row.get("id", Long.class), row.get("resource_type", String.class),
            row.get("resource_id", String.class), row.get("version", Integer.class), row.get("change", String.class)))
        .all();
  }

  /** How many changes wait for the indexer. */
  public Mono<Long> backlog() {
    return database.sql("SELECT count(*) AS n FROM outbox_event WHERE indexed_at IS NULL")
        .map(row -> row.get("n", Long.class)).one();
  }

  /** Marks changes as indexed, so they are not handed out again. */
  public Mono<Void> markIndexed(Collection<Long> ids) {
    if (ids.isEmpty()) {
      return Mono.empty();
    }
    return database.sql("UPDATE outbox_event SET indexed_at = now() WHERE id = ANY(:ids)")
        .bind("ids", ids.toArray(Long[]::new))
        .then();
  }

  /** The oldest trial changes that the recruitment matcher has not looked at yet. */
  public Flux<Event> unmatchedTrialChanges(int limit) {
    return database.sql("SELECT id, resource_type, resource_id, version, change FROM outbox_event "
            + "WHERE matched_at IS NULL AND resource_type = 'ResearchStudy' ORDER BY id LIMIT :limit")
        .bind("limit", limit)
        .map(row -> new Event(row.get("id", Long.class), row.get("resource_type", String.class),
            row.get("resource_id", String.class), row.get("version", Integer.class), row.get("change", String.class)))
        .all();
  }

  /** Marks trial changes as looked at by the matcher. */
  public Mono<Void> markMatched(Collection<Long> ids) {
    if (ids.isEmpty()) {
      return Mono.empty();
    }
    return database.sql("UPDATE outbox_event SET matched_at = now() WHERE id = ANY(:ids)")
        .bind("ids", ids.toArray(Long[]::new))
        .then();
  }

  /** Ids of current trials that name one of these sites. */
  public Flux<String> trialsAtSites(List<String> siteIds) {
    if (siteIds.isEmpty()) {
      return Flux.empty();
    }
    return database.sql("SELECT DISTINCT source_id FROM fhir_reference WHERE target_type = 'Location' "
            + "AND source_type = 'ResearchStudy' AND target_id = ANY(:ids)")
        .bind("ids", siteIds.toArray(String[]::new))
        .map(row -> row.get("source_id", String.class))
        .all();
  }
}
