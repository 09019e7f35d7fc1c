package dk.trialport.portal;

import java.util.List;

/**
 * One group of the search form's filters: check boxes or radio buttons in a fieldset, each with the number
 * of trials it would give. Public so that templates can read it.
 *
 * @param type {@code checkbox} or {@code radio}
 */
public record FilterGroup(String name, String type, String legend, String hint, List<Option> options) {

    /**
     * One choice.
     *
     * @param count how many trials choosing it would give, or null when not known
     */
    public record Option(String id, String value, String label, Long count, boolean checked) {}
}
