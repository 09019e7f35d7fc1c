/**
 * Registry import: trials already registered elsewhere (ClinicalTrials.gov API v2 records, AACT extracts,
 * CTIS records) enter the catalogue through the same FHIR transaction path as a hospital's, one atomic,
 * idempotent transaction per record, as a background job with progress, from the command line
 * ({@code infra/bin/trialport import}) or on a schedule. One trial's records from several registries are
 * merged into one ResearchStudy that names each record it came from.
 */
package dk.trialport.fhir.registry;
