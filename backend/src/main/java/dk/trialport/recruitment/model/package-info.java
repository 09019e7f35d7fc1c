/**
 * Recruitment's domain model: interest registrations with consent, withdrawal and the candidate pipeline, interest
 * profiles and the matching rules, notes, messages and notifications. Plain Java: no Spring, R2DBC or HL7 types.
 */
@NamedInterface("model")
package dk.trialport.recruitment.model;

import org.springframework.modulith.NamedInterface;
