/**
 * What every module runs on: how the application finds and watches its servers (the embedded platform in
 * development and tests, external PostgreSQL, Elasticsearch and OpenID provider in production, and the health of
 * each), and {@link dk.trialport.platform.PollingWorker}, the one loop that runs the background consumers (mail,
 * search indexer, profile matcher) with backoff, graceful stop and metrics.
 */
package dk.trialport.platform;
