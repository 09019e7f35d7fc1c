package dk.trialport.infra.embedded;

import java.nio.file.Path;

/**
 * Where the started servers answer.
 *
 * @param home the data directory
 * @param postgres the PostgreSQL database and the application's credentials
 * @param elasticsearchUrls base URL of each Elasticsearch node's HTTP API (one for a single node)
 * @param identityProviderIssuer the OpenID Connect issuer of the development identity provider
 * @param mail the development mail server (SMTP to send, IMAP to read)
 */
public record RunningPlatform(
        Path home,
        PostgresServer.Database postgres,
        java.util.List<String> elasticsearchUrls,
        String identityProviderIssuer,
        MailServer mail) {

    public RunningPlatform {
        elasticsearchUrls = java.util.List.copyOf(elasticsearchUrls);
    }

    /** The first Elasticsearch node's base URL (the only one of a single node). */
    public String elasticsearchUrl() {
        return elasticsearchUrls.getFirst();
    }
}
