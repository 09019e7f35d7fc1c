package dk.trialport.infra.embedded;

import java.nio.file.Path;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded platform ({@code trialport.platform.*}), bound by {@link EmbeddedPlatformListener}
 * before the application context exists.
 *
 * @param embedded start PostgreSQL, Elasticsearch and the identity provider with the application
 * @param home the one directory holding all their data
 * @param wipe delete the data of earlier runs before starting
 * @param randomPorts use free ports instead of the fixed ones (tests)
 * @param postgresPort fixed PostgreSQL port
 * @param elasticsearchPort fixed Elasticsearch HTTP port
 * @param identityProviderPort fixed identity provider port
 * @param smtpPort fixed SMTP port of the development mail server
 * @param imapPort fixed IMAP port of the development mail server, where its mail can be read
 * @param elasticsearchHeapMb heap of each Elasticsearch node
 * @param elasticsearchNodes how many Elasticsearch nodes, as one cluster (1: a single-node cluster)
 */
public record PlatformProperties(
        @DefaultValue("true") boolean embedded,
        @DefaultValue("./var") Path home,
        @DefaultValue("false") boolean wipe,
        @DefaultValue("false") boolean randomPorts,
        @DefaultValue("15432") int postgresPort,
        @DefaultValue("19200") int elasticsearchPort,
        @DefaultValue("9000") int identityProviderPort,
        @DefaultValue("3025") int smtpPort,
        @DefaultValue("3143") int imapPort,
        @DefaultValue("512") int elasticsearchHeapMb,
        @DefaultValue("1") int elasticsearchNodes) {}
