/**
 * Registry import: trials already registered elsewhere enter the catalogue through the same FHIR transaction path
 * as a hospital's, one atomic, idempotent transaction per record, as a background job with progress, from the
 * command line ({@code infra/bin/trialport import}) or on a schedule; and the live sync from the registries' public
 * APIs ({@code RegistrySync}: paged, rate-limited, retried, resumable from the page it last
 * committed in {@code registry_sync}; {@code infra/bin/trialport sync}). Each source has its own sub-package and knows
 * nothing of the others: {@code ctgov} (ClinicalTrials.gov API v2 records), {@code ctis} (EU CTIS records) and
 * {@code aact} (AACT extracts, read into ClinicalTrials.gov's shape). This package holds what they share (import
 * keys, country codes, the job, the summary) and the merge: one trial's records from several registries become one
 * ResearchStudy that names each record it came from. Offers {@link dk.trialport.registry.RegistryImport}.
 */
package dk.trialport.registry;
