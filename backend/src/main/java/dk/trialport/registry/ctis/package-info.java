/**
 * CTIS records (the EU Clinical Trials Information System's public trial data, in the JSON format
 * written down in docs/import-formats.md) mapped to the same idempotent FHIR R4 transaction shape as
 * ClinicalTrials.gov records: the trial keyed by its EU CT number, its Danish sites and its sponsor.
 * {@link dk.trialport.registry.ctis.CtisApi} pages through the public CTIS search and reads each trial.
 */
package dk.trialport.registry.ctis;
