/**
 * Open data: the catalogue's public part given back in bulk. FHIR Bulk Data export jobs
 * ({@link dk.trialport.opendata.BulkExports}: job state in PostgreSQL, NDJSON files in a shared directory, limits per
 * client and in all), which the {@code fhir} module's {@code $export} endpoints start and poll. Reads only
 * {@link dk.trialport.catalogue.PublicResources}, so no draft and no person's data can reach a file.
 */
package dk.trialport.opendata;
