/**
 * The investigator workspace ({@code /arbejdsrum}): a team's trials with their recruitment figures, the trial form
 * (create, edit, save as draft, publish, close recruitment) with feasibility counts from the volunteer registry, and
 * the administrators' page of organizations, members and which team runs which trial. Trials are written through
 * {@code fhir.TrialEditor}, the catalogue's transaction path; who may act for a trial is {@code identity.TrialTeams}'.
 */
package dk.trialport.workspace;
