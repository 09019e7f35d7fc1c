/**
 * Open data: the catalogue's public part given back. FHIR Bulk Data export jobs ({@link
 * dk.trialport.opendata.BulkExports}: job state in PostgreSQL, NDJSON files in a shared directory, limits per client and
 * in all), which the {@code fhir} module's {@code $export} endpoints start and poll; the nightly public dump
 * ({@link dk.trialport.opendata.PublicDump}: FHIR NDJSON and a flat CSV at stable addresses under {@code /aabne-data/},
 * also written on an administrator's demand); and the Atom feed of new trials recruiting ({@code /feeds/trials.atom}).
 * Reads only {@link dk.trialport.catalogue.PublicResources}, public trials and the search engine, so no draft and no
 * person's data can reach a file or a feed.
 */
package dk.trialport.opendata;
