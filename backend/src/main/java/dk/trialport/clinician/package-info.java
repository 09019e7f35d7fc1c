/**
 * Trialport for health professionals ({@code /klinik}): a SMART App Launch 2 app that an electronic health record
 * launches (EHR launch, {@code /klinik/launch}) or a doctor starts (standalone launch, {@code /klinik/start}), reads
 * the patient's age, sex, home postal code, current conditions and latest HbA1c/eGFR from the record's FHIR server
 * and shows the open trials that fit, ranked by the same matching as {@code ResearchStudy/$match}
 * ({@link dk.trialport.fhir.TrialMatching}), with why each fits and what is unknown. The access token and the
 * patient's facts stay in the server-side session only; nothing of the patient is stored or logged, and each launch is
 * audited with the practitioner ({@code fhirUser}) and no patient data. From a trial the doctor prints a hand-out or
 * shows a QR code to the public trial page with the pre-screen filled from what they chose to pass (never identity),
 * or lets the patient register their own interest after logging in themselves. Without an EHR the same pages take
 * typed facts, and a trial has a view for health professionals (criteria in full, contacts for referral).
 */
package dk.trialport.clinician;
