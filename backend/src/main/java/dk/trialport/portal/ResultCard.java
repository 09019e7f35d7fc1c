package dk.trialport.portal;

import java.util.List;

/**
 * One trial in the result list as the page shows it. Public so that templates can read it.
 *
 * @param title the lay title, with the search words marked
 * @param titleLang the title's language when it is not the page's (a lay title only written in the other, or a
 *     registry title that reads as the other), else null
 * @param snippet the summary, or the part of it that matched, with the search words marked
 * @param snippetLang the snippet's language when it is not the page's (a summary only written in the other), else null
 * @param site the nearest site ("Rigshospitalet, København Ø"), or null
 * @param distance "12 km fra 2100", or null without a postal code
 * @param fit how the person's age and sex fit the trial, or null when they gave neither
 * @param stale whether the record may be out of date (not changed or confirmed for a year, or past its end while
 *     still saying it recruits)
 */
public record ResultCard(
        String href,
        List<Highlights.Segment> title,
        String titleLang,
        List<Highlights.Segment> snippet,
        String snippetLang,
        String status,
        List<TrialView.Text> conditions,
        String site,
        String distance,
        String age,
        String sex,
        String fit,
        boolean stale) {}
