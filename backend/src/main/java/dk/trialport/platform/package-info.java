/**
 * How the application finds and watches its servers: the embedded platform in development and
 * tests, external PostgreSQL, Elasticsearch and OpenID provider in production, and the health of each.
 */
package dk.trialport.platform;
