package dk.trialport.catalogue;

import java.util.List;

/**
 * What a trial's public page shows beyond the {@link Trial} projection, read from the stored resources:
 * the eligibility criteria as the trial wrote them, its contacts, and each site with its department.
 *
 * @param description the trial's own (scientific) description, or null
 * @param eligibilityStated whether the trial has an eligibility group at all; without one, age and sex
 *     limits are unknown rather than open
 * @param criteria the inclusion and exclusion criteria as markdown, or null
 */
public record TrialDetails(
        String id,
        String description,
        boolean eligibilityStated,
        String criteria,
        List<Contact> contacts,
        List<SiteDetails> sites) {

    /** A person or office to contact, with their phone numbers, e-mail addresses and web pages. */
    public record Contact(String name, List<Telecom> telecoms) {}

    /** One way to reach a contact: {@code phone}, {@code email}, {@code url}, … and the value. */
    public record Telecom(String system, String value) {}

    /** A site of the trial with the department (organization) that runs it and the site's own contacts. */
    public record SiteDetails(Site site, String department, List<Contact> contacts) {}
}
