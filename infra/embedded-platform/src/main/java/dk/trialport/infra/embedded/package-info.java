/**
 * The embedded platform: real PostgreSQL, a real Elasticsearch node and the development identity
 * provider, started as child processes of the application (or of a test run) and stopped with it.
 *
 * <p>Development and tests only; production points the same application at external servers by
 * configuration alone. Nothing here depends on Spring, so the backend decides when to start it.
 */
package dk.trialport.infra.embedded;
