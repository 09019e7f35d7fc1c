/**
 * The catalogue: the system of record of trials and the resources around them (sites, sponsors,
 * contacts, eligibility). Stores each FHIR resource as sent, every version, with its identifiers,
 * references and, for trials, a typed projection; every change also writes an outbox event, all in
 * one PostgreSQL transaction. Knows nothing of FHIR's model: the {@code fhir} module parses.
 */
package dk.trialport.catalogue;
