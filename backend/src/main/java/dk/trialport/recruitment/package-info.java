/**
 * Recruitment: people's interest in trials, one at a time (interest registrations) and in future trials
 * (interest profiles, matched against each newly recruiting trial). The area with real rules, so it has a
 * domain model ({@code model}: registrations, consent, withdrawal, the candidate pipeline, profiles and the
 * matching rules; no Spring, R2DBC or HL7 types), use cases named for what they do ({@code application}) and
 * storage ({@code infrastructure}: PostgreSQL through R2DBC, contact details, messages and e-mail addresses
 * encrypted before they are stored).
 */
package dk.trialport.recruitment;
