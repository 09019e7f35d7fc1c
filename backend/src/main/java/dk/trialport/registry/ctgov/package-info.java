/**
 * The start of the registry importer: reads ClinicalTrials.gov API v2 study JSON (Jackson 2, as
 * HAPI brings it) and maps each study to one idempotent FHIR R4 transaction Bundle of the trial,
 * its sites (Location + Organization), its sponsor and its site contacts (PractitionerRole).
 * Values the registry does not give are left out, never invented (a study naming no condition gets the condition
 * "Not classified"). {@link dk.trialport.registry.ctgov.CtgovApi} reads the studies with a Danish location from the
 * live API v2, page by page.
 */
package dk.trialport.registry.ctgov;
