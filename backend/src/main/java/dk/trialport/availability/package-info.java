/**
 * What a request sees when a server the application depends on is down (PostgreSQL, the system of record, or
 * Elasticsearch, the search index): {@link dk.trialport.availability.Outages} recognises such a failure in what was
 * thrown, and {@link dk.trialport.availability.ServiceUnavailable} is the 503 with {@code Retry-After} that every
 * audience answers with (an OperationOutcome on FHIR, a problem detail on the API, the error page on pages), logged as
 * one line without a stack trace. Depends on no other module.
 */
package dk.trialport.availability;
