package dk.trialport.fhir;

import reactor.core.publisher.Mono;

/**
 * The rules one caller's request must pass on each resource it reads or writes, the same whether the
 * request came alone or as an entry of a Bundle. A write is checked inside its database transaction:
 * failing rolls the write (a whole transaction Bundle) back.
 */
interface AccessCheck {

    /** Internal writers (demo catalogue, registry import): every write and read allowed. */
    AccessCheck NONE = (type, id, created) -> Mono.empty();

    /** Allows the write of {@code type/id} ({@code created}: it did not exist), or fails with the reason. */
    Mono<Void> written(String type, String id, boolean created);

    /** Allows a read of {@code type/id}, or fails as if it did not exist. */
    default Mono<Void> mayRead(String type, String id) {
        return Mono.empty();
    }
}
