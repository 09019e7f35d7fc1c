package dk.trialport.infra.embedded;

import java.nio.file.Path;

/**
 * Where the started servers answer.
 *
 * @param home the data directory
 * @param postgres the PostgreSQL database and the application's credentials
 * @param elasticsearchUrl base URL of the Elasticsearch node's HTTP API
 * @param identityProviderIssuer the OpenID Connect issuer of the development identity provider
 * @param mail the development mail server (SMTP to send, IMAP to read)
 */
public record RunningPlatform(
        Path home,
        PostgresServer.Database postgres,
        String elasticsearchUrl,
        String identityProviderIssuer,
        MailServer mail) {}
