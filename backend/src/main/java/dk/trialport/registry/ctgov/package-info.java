/**
 * The start of the registry importer: reads ClinicalTrials.gov API v2 study JSON (Jackson 2, as
 * HAPI brings it) and maps each study to one idempotent FHIR R4 transaction Bundle of the trial,
 * its sites (Location + Organization), its sponsor and its site contacts (PractitionerRole).
 * Values the registry does not give are left out, never invented.
 */
package dk.trialport.registry.ctgov;
