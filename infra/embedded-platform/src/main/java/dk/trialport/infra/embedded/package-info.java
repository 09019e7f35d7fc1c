/**
 * The embedded platform: real PostgreSQL, a real Elasticsearch node and the development identity
 * provider, started as child processes of the application (or of a test run) and stopped with it,
 * and a GreenMail mail server (SMTP and IMAP) inside the same JVM.
 *
 * <p>The Elasticsearch distribution has only core analysis; {@link
 * dk.trialport.infra.embedded.SearchAnalysisPlugin} installs Trialport's stable analysis plugin
 * (module {@code infra/search-analysis}) into it before the node starts.
 *
 * <p>Development and tests only; production points the same application at external servers by
 * configuration alone. Nothing here depends on Spring, so the backend decides when to start it.
 */
package dk.trialport.infra.embedded;
