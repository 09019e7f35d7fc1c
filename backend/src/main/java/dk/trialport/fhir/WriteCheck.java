package dk.trialport.fhir;

import reactor.core.publisher.Mono;

/**
 * A rule run on each resource a request wrote, inside the write's database transaction: failing rolls
 * the write (a whole transaction Bundle) back.
 */
@FunctionalInterface
interface WriteCheck {

  /** Internal writers (demo catalogue, registry import) and types without rules. */
  WriteCheck NONE = (type, id, created) -> Mono.empty();

  /** Allows the write of {@code type/id} ({@code created}: it did not exist), or fails with the reason. */
  Mono<Void> written(String type, String id, boolean created);
}
