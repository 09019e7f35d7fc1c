/**
 * Audit: every read or change of personal data, appended to {@code audit_event} (who, in which role,
 * what, whose, why, when). The table refuses updates and deletes; a person sees their own part of it.
 */
package dk.trialport.audit;
