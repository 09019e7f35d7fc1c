package dk.trialport.catalogue;

import java.util.List;

/**
 * Trial-specific search criteria, answered from the trial projection. Empty lists and nulls mean
 * "any"; several values of one list mean "any of them".
 *
 * @param conditionSystem with {@code conditionCode}: the coding system, or null for any
 * @param age a person's age in years: the trial's range must include it, a missing bound counting as open
 * @param sex male or female: trials for that sex or for anyone
 * @param period FHIR date search on the trial's period, every one must hold
 */
public record TrialCriteria(
        List<String> statuses,
        List<String> recruitmentStatuses,
        List<String> phases,
        String conditionSystem,
        String conditionCode,
        String conditionText,
        String title,
        Double age,
        String sex,
        List<DateRange> period) {

    /**
     * One FHIR date search value on the trial's period: its prefix (eq, gt, ge, lt, le, sa, eb) and the range the
     * value stands for, from inclusive, before exclusive.
     */
    public record DateRange(String prefix, java.time.Instant from, java.time.Instant before) {}

    public static final TrialCriteria NONE =
            new TrialCriteria(List.of(), List.of(), List.of(), null, null, null, null, null, null, List.of());

    public boolean isEmpty() {
        return equals(NONE);
    }
}
