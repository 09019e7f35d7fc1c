package dk.trialport.catalogue;

import java.util.List;

/**
 * What a write stores: the body as sent (with meta set), the identifiers and references of it, and
 * for a trial or a site its projection.
 */
public record ResourceContent(String body, List<Token> identifiers, List<Link> references, Trial trial, Site site) {

    /** An identifier: system and value. */
    public record Token(String system, String value) {}

    /** A reference from an element path to another resource. */
    public record Link(String path, String targetType, String targetId) {}
}
