package dk.trialport.infra.embedded;

import java.nio.file.Path;

/**
 * What the embedded platform is asked to start: where its data lives and on which ports.
 *
 * @param home the one directory holding every piece of data (databases, index, keys, logs)
 * @param postgresPort PostgreSQL port, 0 for a free one
 * @param elasticsearchPort Elasticsearch HTTP port, 0 for a free one
 * @param identityProviderPort identity provider port, 0 for a free one
 * @param smtpPort SMTP port of the development mail server, 0 for a free one
 * @param imapPort IMAP port of the development mail server (to read what was sent), 0 for a free one
 * @param elasticsearchHeapMb heap of each Elasticsearch node
 * @param wipe delete the data of earlier runs before starting
 * @param elasticsearchNodes how many Elasticsearch nodes, as one cluster: the first on {@code elasticsearchPort}, the
 *     others on free ports
 */
public record PlatformSettings(
        Path home,
        int postgresPort,
        int elasticsearchPort,
        int identityProviderPort,
        int smtpPort,
        int imapPort,
        int elasticsearchHeapMb,
        boolean wipe,
        int elasticsearchNodes) {

    public PlatformSettings {
        home = home.toAbsolutePath().normalize();
        if (elasticsearchNodes < 1) {
            throw new IllegalArgumentException("at least one Elasticsearch node, not " + elasticsearchNodes);
        }
    }
}
