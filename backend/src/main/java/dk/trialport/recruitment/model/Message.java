package dk.trialport.recruitment.model;

import java.time.Instant;
import java.util.UUID;

/**
 * A message in the thread of one registration.
 *
 * @param sender {@code team} or {@code person}
 * @param readAt when the other side read it; null while unread
 */
public record Message(
        long id, UUID registrationId, String sender, String author, String body, Instant createdAt, Instant readAt) {

    public boolean fromTeam() {
        return "team".equals(sender);
    }
}
