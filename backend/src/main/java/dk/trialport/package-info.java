/**
 * Trialport. Each sub-package is one feature module: {@code catalogue}, {@code fhir}, {@code search},
 * {@code recruitment}, {@code identity}, {@code portal}, {@code workspace}, {@code clinician} (the SMART on FHIR app
 * for health professionals), {@code notify}, {@code audit}, and
 * {@code platform} for how the application finds its servers.
 */
package dk.trialport;
