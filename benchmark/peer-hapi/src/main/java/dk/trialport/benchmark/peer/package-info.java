/**
 * The benchmark's peer: the HAPI FHIR JPA server (R4) on its own PostgreSQL database, run as a
 * separate process by the side-by-side benchmark. Built only by the root pom's {@code benchmark}
 * profile; the product never depends on it.
 */
package dk.trialport.benchmark.peer;
