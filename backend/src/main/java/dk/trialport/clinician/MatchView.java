package dk.trialport.clinician;

import java.util.List;

/**
 * A fitting trial as the clinician app shows it. Public so that templates can read it.
 *
 * @param fit the matching score as a percentage (100: every one of the patient's conditions fits)
 * @param reasons why the trial fits, one sentence each
 * @param unknowns what the app could not check ("no recorded HbA1c"), one sentence each
 * @param nearestSite the nearest site and how far it is, or null
 */
public record MatchView(
        String id,
        String title,
        int fit,
        String status,
        List<String> reasons,
        List<String> unknowns,
        String nearestSite) {}
