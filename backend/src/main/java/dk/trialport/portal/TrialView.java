package dk.trialport.portal;

import java.util.List;

/**
 * A trial's public page as shown, in the reader's language. Public so that templates can read it.
 *
 * <p>A text's {@code ...Lang} is its language when that is not the page's (for the {@code lang} attribute and a
 * note saying so), else null.
 *
 * @param recruiting whether the trial looks for participants now or soon, so interest can be registered
 */
public record TrialView(
        String id,
        String title,
        String titleLang,
        String summary,
        String summaryLang,
        String scientificTitle,
        String scientificTitleLang,
        String description,
        String descriptionLang,
        String criteriaLang,
        String status,
        boolean recruiting,
        List<String> phases,
        List<Text> conditions,
        String sponsor,
        String age,
        String sex,
        String healthyVolunteers,
        String decentralized,
        List<CriteriaText.Block> criteria,
        List<SiteView> sites,
        List<ContactView> contacts,
        List<IdentifierView> identifiers,
        String lastUpdated) {

    /** A text and its language when that is not the page's, else null. */
    public record Text(String value, String lang) {}

    /** A site: department, address, how far from the person's postal code, and its own contacts. */
    public record SiteView(
            String name,
            String department,
            String street,
            String town,
            String region,
            String distance,
            List<ContactView> contacts) {}

    /** A contact with their ways of being reached. */
    public record ContactView(String name, List<TelecomView> telecoms) {}

    /** One way of reaching a contact; {@code href} is null when it cannot be a link. */
    public record TelecomView(String label, String value, String href) {}

    /** An identifier of the trial; {@code href} links to the registry that holds it, or is null. */
    public record IdentifierView(String registry, String value, String href) {}

    /** One answer of "Could this be for me?": {@code answer} is yes, no or unknown. */
    public record CheckRow(String criterion, String answer, String answerLabel, String explanation) {}
}
