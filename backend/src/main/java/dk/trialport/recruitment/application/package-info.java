/**
 * Recruitment's use cases, named for what they do ({@code RegisteringInterest}, {@code WithdrawingConsent},
 * {@code WorkingCandidates}, …): what the portal, the workspace and the FHIR adapter call.
 */
@NamedInterface("application")
package dk.trialport.recruitment.application;

import org.springframework.modulith.NamedInterface;
