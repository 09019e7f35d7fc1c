/**
 * Recruitment: people's interest in trials. The area with real rules, so it has a domain model
 * ({@code model}: registrations, consent, withdrawal, the candidate pipeline; no Spring, R2DBC or HL7
 * types), use cases named for what they do ({@code application}) and storage ({@code infrastructure}:
 * PostgreSQL through R2DBC, contact details and messages encrypted before they are stored).
 */
package dk.trialport.recruitment;
