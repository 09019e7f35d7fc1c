package dk.trialport.identity;

/** The roles a token can carry in its {@code roles} claim. */
public final class Roles {

    public static final String PATIENT = "PATIENT";
    public static final String INVESTIGATOR = "INVESTIGATOR";
    public static final String ADMIN = "ADMIN";
    public static final String HOSPITAL_SYSTEM = "HOSPITAL_SYSTEM";

    private Roles() {}
}
