/**
 * The investigator workspace ({@code /arbejdsrum}): a team's trials with their recruitment figures, the trial form
 * (create, edit, save as draft, publish, close recruitment) with feasibility counts from the volunteer registry, the
 * candidates of a trial (list, candidate page with pipeline, notes, messages and blind contact, CSV screening log),
 * the administrators' page of organizations, members and which team runs which trial, and for stale records the
 * one-click confirmation, the monthly reminder mail to the team and the administrators' data-quality page. The caller is resolved
 * once ({@link dk.trialport.identity.TeamCaller} as a handler parameter); trials are written through the
 * catalogue's {@link dk.trialport.catalogue.TrialEdits}; who may act for a trial is
 * {@link dk.trialport.identity.TrialTeams}'.
 */
package dk.trialport.workspace;
