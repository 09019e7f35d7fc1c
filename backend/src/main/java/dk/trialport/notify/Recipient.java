package dk.trialport.notify;

/**
 * Who a queued mail goes to, without an address: a kind that one {@link Recipients} answers for, and an id it
 * knows (a person's id, an interest registration's id, a trial's id for its team).
 */
public record Recipient(String kind, String id) {

    /** The kind of a trial's team, mailed at the trial's contact address. */
    public static final String TRIAL_TEAM = "trial-team";

    public static Recipient teamOf(String trialId) {
        return new Recipient(TRIAL_TEAM, trialId);
    }
}
