/**
 * The demo catalogue: realistic Danish trials at real hospitals in all five regions, generated
 * from a seed, so a newcomer sees a working portal the moment it starts. The hospitals, their
 * postal codes and (approximate) coordinates are facts written down here; the trials are invented.
 */
package dk.trialport.fhir.demo;
