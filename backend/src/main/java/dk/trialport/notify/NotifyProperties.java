package dk.trialport.notify;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of e-mail notifications ({@code trialport.notify.*}).
 *
 * @param from the sender address of every mail
 * @param portalUrl the portal's public address, for links in mails
 * @param poll how often the worker looks for due mails when it found none
 * @param firstBackoff the wait after a mail's first failed try (and after the worker's first failed round); it
 *     doubles with each further failure
 * @param maxBackoff the longest wait between tries
 * @param batchSize how many mails one round claims
 */
@ConfigurationProperties("trialport.notify")
public record NotifyProperties(
        @DefaultValue("Trialport <ingen-svar@trialport.dk>") String from,
        @DefaultValue("http://localhost:8080") String portalUrl,
        @DefaultValue("1s") Duration poll,
        @DefaultValue("5s") Duration firstBackoff,
        @DefaultValue("15m") Duration maxBackoff,
        @DefaultValue("50") int batchSize) {}
