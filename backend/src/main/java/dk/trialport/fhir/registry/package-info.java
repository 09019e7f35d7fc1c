/**
 * Registry import: trials already registered elsewhere (ClinicalTrials.gov API v2 records) enter the
 * catalogue through the same FHIR transaction path as a hospital's, one atomic, idempotent
 * transaction per record, as a background job with progress, from the command line
 * ({@code infra/bin/trialport import}) or on a schedule.
 */
package dk.trialport.fhir.registry;
